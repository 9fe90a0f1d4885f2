using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.Analysis.Caching;

/// <summary>
/// The normalized error fingerprint an analysis is cached under: the service, the failure's templates (detector
/// template ids, normalized templates and alert titles, in a stable order) and the category the offline analyzer
/// gives them. The same failure on another host, pod or day has the same fingerprint.
/// </summary>
internal static class ErrorFingerprint
{
    public static string Compute(string? service, IReadOnlyList<string> templates, string category)
    {
        var text = new StringBuilder()
            .Append((service ?? "").Trim().ToLowerInvariant()).Append('\n')
            .Append(category).Append('\n')
            .AppendJoin('\n', templates.Order(StringComparer.Ordinal))
            .ToString();
        return "fp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
