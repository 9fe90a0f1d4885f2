using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Reads the body of <c>search/v2/jobs/export</c> with <c>output_mode=json</c>: one JSON object per line, each with
/// <c>preview</c>, <c>offset</c> and a <c>result</c> (the last one of a result set also <c>lastrow: true</c>), or
/// <c>messages</c> (<c>[{"type":"ERROR","text":"…"}]</c>). Previews of a running search are passed on marked as such;
/// an ERROR or FATAL message fails the search; a final result set without its last row means the stream broke off.
/// </summary>
internal static class ExportStream
{
    public static async Task ReadAsync(Stream body, Action<ExportRow> onRow, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var lineNumber = 0;
        var finalRows = 0;
        var sawLastRow = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new SplunkSearchException(SplunkErrorKind.BrokenStream,
                    $"Line {lineNumber} of the result stream is not JSON ({e.Message}); the stream was cut or corrupted.");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new SplunkSearchException(SplunkErrorKind.BrokenStream, $"Line {lineNumber} of the result stream is not an object.");
                }

                if (Errors(root) is { } errors)
                {
                    throw new SplunkSearchException(SplunkErrorKind.SearchFailed, $"The search failed: {errors}");
                }

                var preview = root.TryGetProperty("preview", out var p) && p.ValueKind == JsonValueKind.True;
                foreach (var result in Results(root))
                {
                    onRow(new ExportRow(preview, Fields(result)));
                    finalRows += preview ? 0 : 1;
                }

                sawLastRow |= !preview && root.TryGetProperty("lastrow", out var last) && last.ValueKind == JsonValueKind.True;
            }
        }

        if (finalRows > 0 && !sawLastRow)
        {
            throw new SplunkSearchException(SplunkErrorKind.BrokenStream,
                $"The result stream ended after {finalRows} results without its last row; the connection was cut.");
        }
    }

    /// <summary>The texts of a <c>{"messages":[…]}</c> body (an error response), or null when it is not one.</summary>
    public static string? MessagesOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Texts(document.RootElement, errorsOnly: false) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Errors(JsonElement root) => Texts(root, errorsOnly: true);

    private static string? Texts(JsonElement root, bool errorsOnly)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var message in messages.EnumerateArray())
        {
            var type = message.TryGetProperty("type", out var t) ? t.GetString() : null;
            var text = message.TryGetProperty("text", out var x) ? x.GetString() : null;
            if (text is not null && (!errorsOnly || type is "ERROR" or "FATAL"))
            {
                texts.Add(type is null ? text : $"{type}: {text}");
            }
        }

        return texts.Count == 0 ? null : string.Join("; ", texts);
    }

    private static IEnumerable<JsonElement> Results(JsonElement root)
    {
        if (root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            yield return result;
        }

        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in results.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
            {
                yield return item;
            }
        }
    }

    private static Dictionary<string, string> Fields(JsonElement result)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in result.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array)
            {
                // A multi-value field: its first value (a service named twice is still one service).
                value = value.EnumerateArray().FirstOrDefault();
            }

            fields[property.Name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Undefined or JsonValueKind.Null => "",
                _ => value.GetRawText(),
            };
        }

        return fields;
    }
}
