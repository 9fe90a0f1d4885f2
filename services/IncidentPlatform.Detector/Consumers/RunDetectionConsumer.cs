using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.Splunk;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>
/// Answers <see cref="RunDetection"/> (the <c>incident_detection</c> tool): runs a configured rule, or an ad-hoc search,
/// over the given range now, and returns the signals; raises them as alerts when asked. Searching only reads, and
/// raised alerts have ids derived from rule, service and range, so a redelivered request raises nothing twice.
/// </summary>
internal sealed class RunDetectionConsumer(
    SplunkClient client, IOptions<DetectorOptions> detector, IOptions<SplunkOptions> splunk, SignalPublisher publisher,
    TimeProvider time, ILogger<RunDetectionConsumer> logger) : IConsumer<RunDetection>
{
    public const string AdHoc = "ad-hoc";
    public const int MaxSignals = 100;
    private static readonly TimeSpan AdHocWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(7);

    public async Task Consume(ConsumeContext<RunDetection> context)
    {
        var request = context.Message;
        var result = await RunAsync(request, context.CancellationToken);
        logger.LogInformation("Detection {Rule} requested by {Actor}: {Status} {Error}, {Signals} signals",
            result.Rule, request.RequestedBy, result.Status, result.Error, result.Signals.Count);
        await context.RespondAsync(result);
    }

    private async Task<DetectionResult> RunAsync(RunDetection request, CancellationToken cancellationToken)
    {
        if (!client.Configured)
        {
            return Refused(503, "Splunk is not configured: set Splunk:Url and Splunk:Token.", request.Rule);
        }

        string name;
        DetectionRuleOptions rule;
        if (!string.IsNullOrWhiteSpace(request.Rule))
        {
            if (!detector.Value.Rules.TryGetValue(request.Rule, out var configured))
            {
                var known = string.Join(", ", detector.Value.Rules.Keys.Order(StringComparer.Ordinal));
                return Refused(404, $"There is no detection rule '{request.Rule}'. Rules: {(known.Length == 0 ? "none" : known)}.", request.Rule);
            }

            (name, rule) = (request.Rule, configured);
        }
        else if (SplunkQueryGuard.Refusal(request.Query ?? "") is { } refusal)
        {
            return Refused(400, request.Query is null ? "Give a rule name or a query." : refusal, AdHoc);
        }
        else
        {
            var key = SignalPublisher.Fingerprint(request.Query!)[..12];
            (name, rule) = ($"{AdHoc}-{key}", new DetectionRuleOptions { Query = request.Query, Window = AdHocWindow });
        }

        var latest = request.Latest ?? time.GetUtcNow();
        var earliest = request.Earliest ?? latest - rule.EffectiveWindow;
        if (earliest >= latest || latest - earliest > MaxRange)
        {
            return Refused(400, $"The range must start before it ends and span at most {MaxRange.TotalDays} days.", name);
        }

        try
        {
            var (counts, signals) = await RuleSearch.RunAsync(client, name, rule, splunk.Value.MaxSamples, earliest, latest, cancellationToken);
            var raised = signals.Take(MaxSignals).ToList();
            var ids = request.Raise ? await publisher.PublishAsync(raised, cancellationToken) : [];
            return new DetectionResult
            {
                Accepted = true,
                Rule = name,
                EventsScanned = counts.Events,
                Signals = [.. raised.Select(s => s.Evidence)],
                AlertIds = ids,
            };
        }
        catch (SplunkSearchException e)
        {
            return Refused(502, $"The search failed ({e.Kind}): {e.Message}", name);
        }
    }

    private static DetectionResult Refused(int status, string error, string? rule) =>
        new() { Accepted = false, Status = status, Error = error, Rule = rule };
}
