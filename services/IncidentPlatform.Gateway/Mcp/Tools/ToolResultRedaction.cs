using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Every tool result passes through the same <see cref="SecretRedactor"/> as the analysis prompts before it reaches the
/// client (often a model): its text blocks and every string of its structured content, which hold alert messages, log
/// lines and analysis text. Text the tools cut (<see cref="TextLimits"/>) loses the word the cut went through first, so
/// a cut secret leaves no prefix behind; then the whole is redacted.
/// </summary>
internal static class ToolResultRedaction
{
    // Without the host's (a request without services), redact with the strictest settings rather than not at all.
    private static readonly SecretRedactor Strictest = new(redactEmails: true);

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (request, cancellationToken) =>
    {
        var result = await next(request, cancellationToken);
        var redactor = request.Services?.GetService<SecretRedactor>() ?? Strictest;
        foreach (var text in result.Content.OfType<TextContentBlock>())
        {
            text.Text = Redact(redactor, text.Text);
        }

        if (result.StructuredContent is { } structured)
        {
            result.StructuredContent = JsonSerializer.SerializeToElement(Redact(redactor, JsonNode.Parse(structured.GetRawText())));
        }

        return result;
    };

    // Redacts every string in place; a string node is replaced by a new one (a node may have one parent only).
    private static JsonNode? Redact(SecretRedactor redactor, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (Redacted(redactor, value) is { } replaced)
                    {
                        obj[key] = replaced;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Redacted(redactor, array[i]) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }

                break;
        }

        return node;
    }

    // A string's redacted replacement, or null after redacting a container in place.
    private static JsonNode? Redacted(SecretRedactor redactor, JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return JsonValue.Create(Redact(redactor, value.GetValue<string>()));
        }

        Redact(redactor, node);
        return null;
    }

    private static string Redact(SecretRedactor redactor, string text)
    {
        for (var at = text.IndexOf(TextLimits.Marker, StringComparison.Ordinal); at > 0;
             at = text.IndexOf(TextLimits.Marker, at + TextLimits.Marker.Length, StringComparison.Ordinal))
        {
            var kept = SecretRedactor.DropCutWord(text[..at]);
            text = kept + text[at..];
            at = kept.Length;
        }

        return redactor.Redact(text).Text;
    }
}
