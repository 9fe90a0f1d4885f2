using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Analysis.Telemetry;

/// <summary>
/// The analysis worker's traces and metrics: ActivitySource and Meter <c>incidentplatform.analysis</c>, instruments
/// <c>incidentplatform.analysis.*</c>.
/// </summary>
internal sealed class AnalysisTelemetry : IDisposable
{
    public const string Name = "incidentplatform.analysis";

    private readonly Meter _meter;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _modelCalls;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _analyses;
    private readonly Histogram<double> _duration;

    public AnalysisTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _cacheHits = _meter.CreateCounter<long>("incidentplatform.analysis.cache.hits", "{analysis}", "Analyses reused from the cache.");
        _cacheMisses = _meter.CreateCounter<long>("incidentplatform.analysis.cache.misses", "{analysis}", "Cache lookups that found nothing.");
        _modelCalls = _meter.CreateCounter<long>("incidentplatform.analysis.model.calls", "{call}", "Model calls by provider and outcome.");
        _tokens = _meter.CreateCounter<long>("incidentplatform.analysis.model.tokens", "{token}", "Tokens used by provider, model and direction.");
        _cost = _meter.CreateCounter<double>("incidentplatform.analysis.model.cost", "USD", "What model calls cost, from the configured prices.");
        _analyses = _meter.CreateCounter<long>("incidentplatform.analysis.completed", "{analysis}", "Analyses by provider, fallback and cache use.");
        _duration = _meter.CreateHistogram<double>("incidentplatform.analysis.duration", "s", "How long an analysis took.");
    }

    public ActivitySource Source { get; } = new(Name);

    public void CacheHit() => _cacheHits.Add(1);

    public void CacheMiss() => _cacheMisses.Add(1);

    public void ModelCall(string provider, string outcome) =>
        _modelCalls.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    public void Usage(string provider, string model, long input, long output, decimal cost)
    {
        var tags = new TagList { { "provider", provider }, { "model", model } };
        var inputTags = tags;
        inputTags.Add("direction", "input");
        var outputTags = tags;
        outputTags.Add("direction", "output");
        _tokens.Add(input, inputTags);
        _tokens.Add(output, outputTags);
        _cost.Add((double)cost, tags);
    }

    public void Completed(string provider, bool cached, bool fallback, TimeSpan duration)
    {
        var tags = new TagList { { "provider", provider }, { "cached", cached }, { "fallback", fallback } };
        _analyses.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}
