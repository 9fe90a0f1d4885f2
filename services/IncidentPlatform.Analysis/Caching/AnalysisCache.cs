using System.Text.Json;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Caching;

/// <summary>
/// Model analyses cached by error fingerprint in the shared <see cref="ICacheStore"/> (so every replica reuses them)
/// for <c>Analysis:CacheTtl</c>. A hit is marked <see cref="IncidentAnalysis.Cached"/> and costs nothing.
/// </summary>
internal sealed class AnalysisCache(
    ICacheStore store, IOptions<AnalysisOptions> options, TimeProvider time, ILogger<AnalysisCache> logger)
{
    private const string Prefix = "analysis:cache:";

    /// <summary>The cached analysis for <paramref name="fingerprint"/>, re-bound to <paramref name="context"/>, or null.</summary>
    public async Task<IncidentAnalysis?> GetAsync(string fingerprint, IncidentContext context, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(Prefix + fingerprint, cancellationToken);
        CachedAnalysis? entry = null;
        if (json is not null)
        {
            try
            {
                entry = JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.CachedAnalysis);
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "Dropping unreadable cached analysis {Fingerprint}", fingerprint);
                await store.RemoveAsync(Prefix + fingerprint, cancellationToken);
            }
        }

        if (entry is null)
        {
            return null;
        }

        var notes = new List<string> { $"Reused the analysis of incident {entry.IncidentId} ({entry.Analysis.AnalyzedAt:u}), which had the same error fingerprint." };
        var actions = ActionRebinder.Rebind(entry.Analysis.RecommendedActions, entry.Labels, context, notes);
        return entry.Analysis with
        {
            Cached = true,
            Tokens = 0,
            InputTokens = 0,
            OutputTokens = 0,
            CostUsd = 0,
            FallbackReason = null,
            RecommendedActions = actions,
            Notes = [.. entry.Analysis.Notes, .. notes],
            CacheKey = fingerprint,
            AnalyzedAt = time.GetUtcNow(),
        };
    }

    public Task SetAsync(string fingerprint, IncidentAnalysis analysis, IncidentContext context, CancellationToken cancellationToken)
    {
        var entry = new CachedAnalysis(analysis, context.Incident.Id, context.Labels);
        return store.SetAsync(Prefix + fingerprint, JsonSerializer.Serialize(entry, AnalysisJsonContext.Default.CachedAnalysis),
            options.Value.CacheTtl, cancellationToken);
    }
}
