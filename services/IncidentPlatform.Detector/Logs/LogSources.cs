using System.Collections.Concurrent;
using System.Text.Json;
using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// The log sources of this process, each loaded once from the store on first use: its templates
/// (<see cref="TemplateStateRepository"/>, so template ids are stable across restarts) and its anomaly state.
/// </summary>
internal sealed class LogSources(
    TemplateStateRepository templates, ICheckpointStore checkpoints, IOptions<DetectorOptions> options, TimeProvider time,
    ILogger<LogSources> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LogSource>>> _sources = new(StringComparer.Ordinal);

    /// <summary>The sources loaded so far.</summary>
    public IReadOnlyList<LogSource> Loaded =>
        [.. _sources.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully).Select(s => s.Value.Result)];

    /// <summary>Sources a process keeps at most; senders past it share one overflow source per sender.</summary>
    public const int MaxSources = 1000;

    public int Count => _sources.Count;

    public bool Contains(string sourceId) => _sources.ContainsKey(sourceId);

    /// <summary>
    /// The source, loaded from the store the first time (a failed load is tried again on the next call); its warm-up and
    /// labels are those of the first call.
    /// </summary>
    public async Task<LogSource> GetAsync(string sourceId, TimeSpan? warmUp = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        var lazy = _sources.GetOrAdd(sourceId, id => new Lazy<Task<LogSource>>(() => LoadAsync(id, warmUp, labels)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _sources.TryRemove(new KeyValuePair<string, Lazy<Task<LogSource>>>(sourceId, lazy));
            throw;
        }
    }

    private async Task<LogSource> LoadAsync(string sourceId, TimeSpan? warmUp, IReadOnlyDictionary<string, string>? labels)
    {
        var settings = AnomalySettings.For(sourceId, options.Value.Anomaly, warmUp, labels);
        var saved = await templates.LoadAsync(sourceId, TemplateMinerOptions.Default, CancellationToken.None);
        var json = await checkpoints.GetAsync(LogSource.CheckpointName(sourceId), CancellationToken.None);
        var now = time.GetUtcNow();
        AnomalyDetector detector;
        if (saved.Outdated)
        {
            // The templates are learnt again under new ids: without a new warm-up each would count as a new template.
            logger.LogWarning(
                "The templates of log source {Source} were saved by an older version of the miner; learning them again", sourceId);
            detector = new AnomalyDetector(sourceId, settings, now);
        }
        else if (json is null)
        {
            detector = new AnomalyDetector(sourceId, settings, now);
        }
        else
        {
            try
            {
                var state = JsonSerializer.Deserialize(json, AnomalyJsonContext.Default.AnomalyState)
                    ?? throw new JsonException("empty");
                detector = AnomalyDetector.Restore(sourceId, settings, state, now);
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "The anomaly state of log source {Source} is unreadable; starting it afresh", sourceId);
                detector = new AnomalyDetector(sourceId, settings, now);
            }
        }

        logger.LogInformation(
            "Log source {Source} loaded: {Templates} templates, {Series} template series, started {StartedAt:O}",
            sourceId, saved.Miner.Clusters.Count, detector.SeriesCount, detector.StartedAt);
        return new LogSource(sourceId, saved, detector, time);
    }
}
