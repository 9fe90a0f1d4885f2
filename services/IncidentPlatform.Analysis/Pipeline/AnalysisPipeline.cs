using IncidentPlatform.Analysis.Caching;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Offline;
using IncidentPlatform.Analysis.Prompting;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Telemetry;
using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults.Concurrency;

namespace IncidentPlatform.Analysis.Pipeline;

/// <summary>
/// Analyzes one incident: gathers its redacted context, classifies it offline (which also keys the cache), reuses a
/// cached analysis of the same failure (one model call per failure at a time), else asks the model providers in order — each within budget and time, its
/// reply checked and repaired once — and falls back to the offline analysis, saying why, when none answers.
/// </summary>
internal sealed class AnalysisPipeline(
    IncidentContextBuilder contextBuilder, OfflineAnalyzer offline, AnalysisCache cache, ModelChain chain,
    ModelAnalyzer models, KeyedLock inFlight, AnalysisTelemetry telemetry, TimeProvider time, ILogger<AnalysisPipeline> logger)
{
    public async Task<IncidentAnalysis> AnalyzeAsync(Incident incident, bool force, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity("analysis.analyze");
        activity?.SetTag("incident.id", incident.Id);
        var started = time.GetTimestamp();
        var context = await contextBuilder.BuildAsync(incident, cancellationToken);
        var baseline = offline.Analyze(context);
        var fingerprint = ErrorFingerprint.Compute(incident.Service, context.Templates, baseline.Category);
        // What the alerts' text says is read for this incident whoever explains it (a model, the cache, the offline analyzer).
        var result = await AnalyzeAsync(context, baseline, fingerprint, force, cancellationToken) with { Derived = baseline.Derived };
        if (context.Redactions > 0)
        {
            result = result with { Notes = [.. result.Notes, $"{context.Redactions} secret(s) were redacted from the incident's text before analysis."] };
        }

        activity?.SetTag("analysis.provider", result.Provider);
        activity?.SetTag("analysis.cached", result.Cached);
        telemetry.Completed(result.Provider, result.Cached, result.FallbackReason is not null, time.GetElapsedTime(started));
        logger.LogInformation(
            "Analyzed incident {IncidentId}: {Category} by {Provider} (cached {Cached}, {Tokens} tokens, {CostUsd} USD){Fallback}",
            incident.Id, result.Category, result.Provider, result.Cached, result.Tokens, result.CostUsd,
            result.FallbackReason is null ? "" : "; fallback: " + result.FallbackReason);
        return result;
    }

    private async Task<IncidentAnalysis> AnalyzeAsync(
        IncidentContext context, IncidentAnalysis baseline, string fingerprint, bool force, CancellationToken cancellationToken)
    {
        if (chain.Providers.Count == 0)
        {
            return baseline with { CacheKey = fingerprint };
        }

        if (!force && await cache.GetAsync(fingerprint, context, cancellationToken) is { } cached)
        {
            telemetry.CacheHit();
            return cached;
        }

        // One model call per failure at a time: whoever waited here finds the first one's answer in the cache.
        using var flight = await inFlight.AcquireAsync(fingerprint, cancellationToken);
        if (!force && await cache.GetAsync(fingerprint, context, cancellationToken) is { } answered)
        {
            telemetry.CacheHit();
            return answered;
        }

        if (!force)
        {
            telemetry.CacheMiss();
        }

        var prompt = PromptBuilder.Build(context);
        var reasons = new List<string>();
        long input = 0, output = 0;
        decimal cost = 0;
        foreach (var provider in chain.Providers)
        {
            var outcome = await models.AnalyzeAsync(provider, prompt, context, cancellationToken);
            input += outcome.InputTokens;
            output += outcome.OutputTokens;
            cost += outcome.CostUsd;
            if (outcome.Analysis is { } analysis)
            {
                var result = analysis with
                {
                    InputTokens = (int)input,
                    OutputTokens = (int)output,
                    Tokens = (int)(input + output),
                    CostUsd = cost,
                    FallbackReason = reasons.Count == 0 ? null : string.Join("; ", reasons),
                    CacheKey = fingerprint,
                    AnalyzedAt = time.GetUtcNow(),
                };
                await cache.SetAsync(fingerprint, result with { FallbackReason = null, Cached = false }, context, cancellationToken);
                return result;
            }

            reasons.Add(outcome.FailureReason!);
            if (outcome.BudgetDenied)
            {
                // The caps are shared by every model: the offline analyzer answers.
                break;
            }
        }

        return baseline with
        {
            InputTokens = (int)input,
            OutputTokens = (int)output,
            Tokens = (int)(input + output),
            CostUsd = cost,
            FallbackReason = string.Join("; ", reasons),
            CacheKey = fingerprint,
        };
    }
}
