using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// The correlation fingerprint of an alert, per source:
/// <list type="bullet">
/// <item>the sender's own stable identity when the gateway set one (a CloudWatch alarm ARN, a PagerDuty incident id);</item>
/// <item>Alertmanager and Grafana: the alert's labels (alertname included), sorted, without volatile labels;</item>
/// <item>detector signals: the service and the error template (or the detection rule);</item>
/// <item>anything else: the source, the service and the title with its numbers masked ("disk 81% full" and "disk 93% full"
/// are one problem).</item>
/// </list>
/// </summary>
internal static class Fingerprints
{
    private static readonly HashSet<string> LabelSources = new(["alertmanager", "grafana"], StringComparer.OrdinalIgnoreCase);

    public static AlertIdentity For(Alert alert, CorrelationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(alert.Fingerprint))
        {
            return new AlertIdentity(alert.Fingerprint, alert.Fingerprint);
        }

        if (LabelSources.Contains(alert.Source) && alert.Labels.Count > 0)
        {
            var volatileLabels = options.VolatileLabels ?? CorrelationOptions.DefaultVolatileLabels;
            var identifying = alert.Labels.Where(l => !volatileLabels.Contains(l.Key, StringComparer.Ordinal));
            var source = alert.Source.ToLowerInvariant();
            return new AlertIdentity(
                $"{source}:{Hash(LabelText(identifying))}", $"{source}:{Hash(LabelText(alert.Labels))}");
        }

        var fingerprint = alert.Evidence is { } evidence
            ? $"signal:{Hash($"{alert.Source}\n{alert.Service}\n{evidence.TemplateId ?? evidence.Rule ?? MaskDigits(alert.Title)}")}"
            : Hash($"{alert.Source}\n{alert.Service}\n{MaskDigits(alert.Title)}");
        return new AlertIdentity(fingerprint, fingerprint);
    }

    /// <summary>A short stable hash (128 bits, hex).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string LabelText(IEnumerable<KeyValuePair<string, string>> labels) =>
        string.Join('\n', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    private static string MaskDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inNumber = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inNumber)
                {
                    builder.Append('#');
                }

                inNumber = true;
            }
            else
            {
                inNumber = false;
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
