using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>incident_detection</c>: runs a detection rule or an ad-hoc query now (<see cref="RunDetection"/> to the detector).</summary>
[McpServerToolType]
internal sealed class IncidentDetectionTool(IRequestClient<RunDetection> detector, McpViews views, TimeProvider time)
{
    public const int MaxSignals = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [McpServerTool(Name = "incident_detection", Title = "Run detection", ReadOnly = false, Destructive = false, Idempotent = false,
        OpenWorld = true)]
    [Description("Run a configured detection rule, or an ad-hoc log search, now and return the signals found (counts vs " +
                 "baseline/threshold, sample lines). Give rule or query. Scope read for a rule; an ad-hoc query needs search; raise=true (turn signals into alerts) needs write.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Configured detection rule name."), MaxLength(100)] string? rule = null,
        [Description("Ad-hoc search (Splunk SPL) when no rule is given."), MaxLength(2000)] string? query = null,
        [Description("Range start, ISO 8601 (default: the rule's window).")] DateTimeOffset? earliest = null,
        [Description("Range end (default: now).")] DateTimeOffset? latest = null,
        [Description("Also raise the signals as alerts.")] bool raise = false,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, raise ? Scopes.Write : Scopes.Read) is { } refused)
        {
            return refused;
        }

        // An ad-hoc query runs with the platform's Splunk token over whatever it can read: its own scope, not read's.
        if (!string.IsNullOrWhiteSpace(query) && McpCaller.Refuse(user, Scopes.Search) is { } noSearch)
        {
            return noSearch;
        }

        rule = ToolArgumentException.Optional(rule);
        query = ToolArgumentException.Optional(query);
        if ((rule is null) == (query is null))
        {
            throw new ToolArgumentException("give exactly one of 'rule' or 'query'.");
        }

        if (earliest >= latest)
        {
            throw new ToolArgumentException("'earliest' must be before 'latest'.");
        }

        var result = await BusRequests.TrySendAsync<RunDetection, DetectionResult>(detector, new RunDetection
        {
            Rule = rule, Query = query, Earliest = earliest, Latest = latest, Raise = raise,
            RequestedBy = user!.Actor(), OccurredAt = time.GetUtcNow(),
        }, cancellationToken, Timeout);
        if (result is null)
        {
            return ToolResults.Error("The detector did not answer within 60 s; try a narrower time range or retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Detection did not run ({result.Status}): {result.Error}");
        }

        var signals = result.Signals.Take(MaxSignals).Select(s => s with
        {
            Template = TextLimits.TruncateOrNull(s.Template, 300),
            SampleLines = s.SampleLines.Take(3).Select(l => TextLimits.Truncate(l, 300)).ToList(),
        }).ToList();
        var body = new JsonObject
        {
            ["rule"] = result.Rule,
            ["eventsScanned"] = result.EventsScanned,
            ["signalCount"] = result.Signals.Count,
            ["signals"] = new JsonArray([.. signals.Select(s => views.Json(s))]),
            ["alertIds"] = new JsonArray([.. result.AlertIds.Select(a => JsonValue.Create(a))]),
        };
        var shown = result.Signals.Count > MaxSignals ? $" (first {MaxSignals} shown)" : "";
        return ToolResults.Success(
            $"{result.Signals.Count} signal(s){shown} from {result.EventsScanned} event(s); {result.AlertIds.Count} alert(s) raised.", body,
            signals.Select(McpText.Line));
    }
}
