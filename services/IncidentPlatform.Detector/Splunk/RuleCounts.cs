using System.Globalization;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Counts a search's final results per service: a result's count field when it has one (<c>stats count by service</c>),
/// else one per result (raw events). Keeps a few sample lines per service (<c>_raw</c>, or the result's fields).
/// Previews are ignored: only the final result set counts.
/// </summary>
internal sealed class RuleCounts(string serviceField, string countField, int maxSamples)
{
    public const string UnknownService = "unknown";

    /// <summary>Services counted apart at most; results of further services count as <see cref="OtherServices"/>.</summary>
    public const int MaxServices = 10_000;

    public const string OtherServices = "other";
    private const int MaxSampleLength = 2000;
    private readonly Dictionary<string, (long Count, List<string> Samples)> _services = new(StringComparer.Ordinal);

    /// <summary>Events counted (the sum of the counts).</summary>
    public long Events { get; private set; }

    public IEnumerable<(string Service, long Count, IReadOnlyList<string> Samples)> Services =>
        _services.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value.Count, (IReadOnlyList<string>)s.Value.Samples));

    public void Add(ExportRow row)
    {
        if (row.Preview)
        {
            return;
        }

        var service = row.Fields.TryGetValue(serviceField, out var s) && s.Length is > 0 and <= 200 ? s : UnknownService;
        if (_services.Count >= MaxServices && !_services.ContainsKey(service))
        {
            service = OtherServices;
        }

        var count = row.Fields.TryGetValue(countField, out var c) && long.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(0, n)
            : 1;
        var entry = _services.GetValueOrDefault(service, (0, []));
        if (entry.Samples.Count < maxSamples)
        {
            entry.Samples.Add(Sample(row.Fields));
        }

        _services[service] = (entry.Count + count, entry.Samples);
        Events += count;
    }

    private static string Sample(IReadOnlyDictionary<string, string> fields)
    {
        var text = fields.TryGetValue("_raw", out var raw) && raw.Length > 0
            ? raw
            : string.Join(' ', fields.Where(f => !f.Key.StartsWith("_", StringComparison.Ordinal) || f.Key == "_time")
                .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        return text.Length <= MaxSampleLength ? text : text[..MaxSampleLength];
    }
}
