using System.Globalization;
using IncidentPlatform.Analysis.Pipeline;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Analysis.Consumers;

/// <summary>
/// What every analysis consumer does: claim the work once (so a redelivered message analyzes nothing twice), analyze the
/// incident as stored now, store the analysis on it, add an <c>analyzed</c> timeline entry, publish
/// <see cref="IncidentAnalyzed"/>. A failure releases the claim so the retry can do the work.
/// </summary>
internal sealed partial class AnalysisRunner(
    IIncidentStore store, IIdempotencyStore idempotency, AnalysisPipeline pipeline, TimeProvider time, ILogger<AnalysisRunner> logger)
{
    public const string Actor = "analysis";

    /// <summary>How long a claim keeps a redelivery from analyzing again.</summary>
    public static readonly TimeSpan ClaimTtl = TimeSpan.FromDays(7);

    /// <summary>Runs the analysis unless <paramref name="claim"/> was already taken; returns the stored incident, or null when
    /// there was nothing to do (already done, incident gone, or skipped by <paramref name="skip"/>). A
    /// <paramref name="requester"/> (a person asking for it) is carried on <see cref="IncidentAnalyzed"/>.</summary>
    public async Task<Incident?> RunAsync(
        string incidentId, string claim, bool force, Func<Incident, string?> skip, IPublishEndpoint publish, CancellationToken cancellationToken,
        (string By, string? Id)? requester = null)
    {
        if (!await idempotency.TryClaimAsync(claim, ClaimTtl, cancellationToken))
        {
            LogAlreadyDone(logger, claim, incidentId);
            return null;
        }

        try
        {
            var incident = await store.GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                LogGone(logger, incidentId);
                return null;
            }

            if (skip(incident) is { } reason)
            {
                LogSkipped(logger, incidentId, reason);
                return null;
            }

            var analysis = await pipeline.AnalyzeAsync(incident, force, cancellationToken);
            var stored = await store.UpdateAsync(incidentId, current => current with { Analysis = analysis, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            if (stored is null)
            {
                LogDeletedMeanwhile(logger, incidentId);
                return null;
            }

            await store.AppendTimelineAsync(incidentId, Timeline(analysis), cancellationToken);
            await publish.Publish(new IncidentAnalyzed
            {
                IncidentId = incidentId, OccurredAt = analysis.AnalyzedAt, Analysis = analysis,
                RequestedBy = requester?.By, RequestedById = requester?.Id,
            }, cancellationToken);
            return stored;
        }
        catch
        {
            await idempotency.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }

    private TimelineEntry Timeline(IncidentAnalysis analysis)
    {
        var top = analysis.Hypotheses.FirstOrDefault();
        var by = analysis.Cached ? $"{analysis.Provider} (cached)" : analysis.Model is null ? analysis.Provider : $"{analysis.Provider} ({analysis.Model})";
        var hypothesis = top is null ? "" : string.Create(CultureInfo.InvariantCulture, $" — {top.Summary} (confidence {top.Confidence:0.00})");
        var fallback = analysis.FallbackReason is null ? "" : $". Fallback: {analysis.FallbackReason}";
        var message = $"Analyzed by {by}: {analysis.Category}{hypothesis}{fallback}";
        var data = new Dictionary<string, string>
        {
            ["category"] = analysis.Category,
            ["provider"] = analysis.Provider,
            ["cached"] = analysis.Cached ? "true" : "false",
            ["tokens"] = analysis.Tokens.ToString(CultureInfo.InvariantCulture),
            ["costUsd"] = analysis.CostUsd.ToString(CultureInfo.InvariantCulture),
            ["severity"] = analysis.Severity.ToString().ToLowerInvariant(),
        };
        if (analysis.Model is not null)
        {
            data["model"] = analysis.Model;
        }

        if (analysis.FallbackReason is not null)
        {
            data["fallbackReason"] = analysis.FallbackReason;
        }

        if (analysis.RecommendedActions.Count > 0)
        {
            data["actions"] = string.Join(",", analysis.RecommendedActions.Select(a => a.ActionId));
        }

        return new TimelineEntry { At = time.GetUtcNow(), Kind = "analyzed", Message = message, Actor = Actor, Data = data };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Claim} of incident {IncidentId} was already done; skipping the redelivery")]
    private static partial void LogAlreadyDone(ILogger logger, string claim, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} no longer exists; nothing to analyze")]
    private static partial void LogGone(ILogger logger, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not analyzing incident {IncidentId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string incidentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} was deleted during its analysis")]
    private static partial void LogDeletedMeanwhile(ILogger logger, string incidentId);
}
