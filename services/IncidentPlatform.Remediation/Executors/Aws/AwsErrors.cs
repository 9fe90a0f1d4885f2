using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// Reads AWS error answers: JSON protocols (<c>x-amzn-ErrorType</c> header, or <c>__type</c>/<c>code</c> and
/// <c>message</c> in the body) and Query protocols (<c>&lt;Code&gt;</c> and <c>&lt;Message&gt;</c> in an XML
/// <c>ErrorResponse</c> or EC2's <c>Response/Errors/Error</c>), and tells throttling (refused, safe to resend) from the rest.
/// </summary>
internal static class AwsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    /// <summary>True when the error means the request was refused for rate and can be sent again.</summary>
    public static bool IsThrottling(int status, string code) => status == 429 || ThrottlingCodes.Contains(code);

    /// <summary>The error code and message of an error answer.</summary>
    public static (string Code, string Message) Parse(string body, string? errorTypeHeader)
    {
        var code = errorTypeHeader is { Length: > 0 } header ? header.Split(':')[0].Trim() : null;
        var text = body.TrimStart();
        if (text.StartsWith('{'))
        {
            var (jsonCode, message) = FromJson(text);
            return (code ?? jsonCode ?? "UnknownError", message ?? "");
        }

        if (text.StartsWith('<'))
        {
            var (xmlCode, message) = FromXml(text);
            return (code ?? xmlCode ?? "UnknownError", message ?? "");
        }

        return (code ?? "UnknownError", text.Length > 500 ? text[..500] : text);
    }

    private static (string? Code, string? Message) FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var code = Text(root, "__type") ?? Text(root, "code") ?? Text(root, "Code") ?? Text(root, "Type");
            if (code is not null && code.Contains('#'))
            {
                code = code[(code.LastIndexOf('#') + 1)..];
            }

            return (code, Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, text);
        }
    }

    private static (string? Code, string? Message) FromXml(string text)
    {
        try
        {
            var document = XDocument.Parse(text);
            var code = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            var message = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            return (code, message);
        }
        catch (XmlException)
        {
            return (null, text);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
