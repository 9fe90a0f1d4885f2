using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Testing;

/// <summary>One request a <see cref="FakeHttpServer"/> received, as sent on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/services/search/v2/jobs/export</c>.</param>
/// <param name="Query">The query string including <c>?</c>, or empty.</param>
/// <param name="Headers">The headers (names case-insensitive; repeated headers joined with <c>, </c>).</param>
/// <param name="Body">The raw body.</param>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The form fields of an <c>application/x-www-form-urlencoded</c> body, or of the query string.</summary>
    public IReadOnlyDictionary<string, string> Form(bool fromQuery = false)
    {
        var text = fromQuery ? Query.TrimStart('?') : BodyText;
        return text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')),
                kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
    }
}
