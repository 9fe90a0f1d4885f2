using System.Text;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// The text record of an AWS call kept with the remediation (and all a dry run produces): method, URL, headers and
/// body, with nothing secret (no signature, no token).
/// </summary>
internal static class AwsRecord
{
    /// <summary>The region a record names when none is configured (a dry run on a laptop).</summary>
    public const string NoRegion = "region-not-configured";

    public static string Describe(
        string method, Uri url, IEnumerable<KeyValuePair<string, string>> headers, string region, string service, string body)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(url).Append('\n');
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        text.Append("Authorization: AWS4-HMAC-SHA256 Credential=<redacted>/").Append(region).Append('/').Append(service)
            .Append("/aws4_request (signed when sent)\n\n").Append(body);
        return text.ToString();
    }
}
