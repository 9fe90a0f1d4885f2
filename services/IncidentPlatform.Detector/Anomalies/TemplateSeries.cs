using System.Runtime.InteropServices;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// The counts of one template of one service per time bucket (sparse: buckets without records are absent), the sample
/// lines of the buckets still open, and what the detector remembers about its signals.
/// </summary>
internal sealed class TemplateSeries(string service, string templateId, LineLevel level)
{
    private readonly Dictionary<long, int> _counts = [];
    private readonly Dictionary<long, List<string>> _samples = [];

    public string Service { get; } = service;

    public string TemplateId { get; } = templateId;

    /// <summary>The template text as the miner last gave it (it widens as lines differ).</summary>
    public string Template { get; set; } = "";

    /// <summary>The level of the template's first record.</summary>
    public LineLevel Level { get; } = level;

    /// <summary>An error template that appeared after the warm-up and has not signalled yet.</summary>
    public bool PendingNew { get; set; }

    /// <summary>The bucket of the latest record.</summary>
    public long LastSeen { get; set; }

    /// <summary>The bucket of the latest signal, and its severity.</summary>
    public long? LastSignal { get; set; }

    public Severity LastSeverity { get; set; }

    public bool IsEmpty => _counts.Count == 0;

    public IEnumerable<KeyValuePair<long, int>> Counts => _counts;

    public void Add(long bucket, string text, int maxSamples, int maxSampleLength)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, bucket, out _);
        count++;
        if (count <= maxSamples)
        {
            ref var samples = ref CollectionsMarshal.GetValueRefOrAddDefault(_samples, bucket, out var exists);
            if (!exists)
            {
                samples = [];
            }

            samples!.Add(text.Length <= maxSampleLength ? text : text[..maxSampleLength]);
        }

        LastSeen = Math.Max(LastSeen, bucket);
    }

    public void SetCount(long bucket, int count) => _counts[bucket] = count;

    public int CountAt(long bucket) => _counts.GetValueOrDefault(bucket);

    public IReadOnlyList<string> SamplesAt(long bucket) => _samples.GetValueOrDefault(bucket) ?? [];

    public void CloseBucket(long bucket) => _samples.Remove(bucket);

    /// <summary>Forgets counts of buckets before <paramref name="bucket"/> (older than the history).</summary>
    public void TrimBefore(long bucket)
    {
        foreach (var key in _counts.Keys)
        {
            if (key < bucket)
            {
                _counts.Remove(key);
                _samples.Remove(key);
            }
        }
    }
}
