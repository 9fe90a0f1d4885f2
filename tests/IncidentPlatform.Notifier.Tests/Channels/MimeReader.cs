using System.Text;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Notifier.Tests.Channels;

/// <summary>Just enough MIME to check what the e-mail channel sent: headers (RFC 2047 words decoded), base64 parts.</summary>
internal sealed partial class MimeReader
{
    private readonly Dictionary<string, string> _headers;
    private readonly Dictionary<string, string> _parts;

    private MimeReader(Dictionary<string, string> headers, Dictionary<string, string> parts)
    {
        _headers = headers;
        _parts = parts;
    }

    public string ContentType => Header("Content-Type");

    public string Header(string name) => _headers[name];

    public string Part(string contentType) => _parts[contentType];

    public static MimeReader Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var boundary = Boundary().Match(headers["Content-Type"]).Groups[1].Value;
        var parts = new Dictionary<string, string>();
        foreach (var chunk in body.Split("--" + boundary).Skip(1).Where(c => !c.StartsWith("--", StringComparison.Ordinal)))
        {
            var (partHeaders, partBody) = Split(chunk.TrimStart('\r', '\n'));
            var type = partHeaders["Content-Type"].Split(';')[0];
            parts[type] = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(partBody.Split("\r\n"))));
        }

        return new MimeReader(headers, parts);
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = text[..end].Split("\r\n").Select(l => l.Split(": ", 2))
            .ToDictionary(h => h[0], h => Decode(h[1]), StringComparer.OrdinalIgnoreCase);
        return (headers, text[(end + 4)..]);
    }

    private static string Decode(string value) => EncodedWord().Replace(value,
        m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=")]
    private static partial Regex EncodedWord();
}
