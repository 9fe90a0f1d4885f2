using System.Text.RegularExpressions;

namespace IncidentPlatform.Analysis.Context;

/// <summary>
/// Reduces a message or template to its constant part (lower case, ids, addresses, hashes and numbers masked), so that
/// the same error from another host, pod or request normalizes to the same text.
/// </summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var result = text.ToLowerInvariant();
        result = Uuid().Replace(result, "<uuid>");
        result = IpAddress().Replace(result, "<ip>");
        result = Identifier().Replace(result, "<id>");
        result = Hex().Replace(result, "<hex>");
        result = Number().Replace(result, "<num>");
        result = Spaces().Replace(result, " ").Trim();
        return result.Length > 300 ? result[..300] : result;
    }

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\b\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?\b|\b(?=[0-9a-f:]*[a-f])[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b")]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b")]
    private static partial Regex Hex();

    // Cloud and cluster resource ids with a random suffix: i-0abc…, pod-name-7d9f8c6b5-x2k4q, ip-10-0-1-2.
    [GeneratedRegex(@"\b(i|vol|eni|sg|subnet|ami|snap)-[0-9a-f]{8,17}\b|\b[a-z0-9]+(-[a-z0-9]+)*-[a-z0-9]{8,10}-[a-z0-9]{5}\b|\bip(-\d{1,3}){4}\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[-+]?\d+([.,:]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
