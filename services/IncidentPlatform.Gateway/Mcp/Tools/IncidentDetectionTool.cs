using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using MassTransit;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>incident_detection</c>: runs a detection rule or an ad-hoc query now (<see cref="RunDetection"/> to the detector).</summary>
internal sealed class IncidentDetectionTool : IMcpTool
{
    public const int MaxSignals = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Tool Definition { get; } = ToolDefinitions.Create("incident_detection", "Run detection",
        "Run a configured detection rule, or an ad-hoc log search, now and return the signals found (counts vs " +
        "baseline/threshold, sample lines). Give rule or query. Scope read; raise=true (turn signals into alerts) needs write.",
        """
        {"type":"object","properties":{
        "rule":{"type":"string","maxLength":100,"description":"Configured detection rule name."},
        "query":{"type":"string","maxLength":2000,"description":"Ad-hoc search (Splunk SPL) when no rule is given."},
        "earliest":{"type":"string","format":"date-time","description":"Range start, ISO 8601 (default: the rule's window)."},
        "latest":{"type":"string","format":"date-time","description":"Range end (default: now)."},
        "raise":{"type":"boolean","default":false,"description":"Also raise the signals as alerts."}},
        "additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });

    public string RequiredScope(ToolArguments arguments) => arguments.Bool("raise", false) ? Scopes.Write : Scopes.Read;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var rule = args.String("rule", 100);
        var query = args.String("query", 2000);
        if ((rule is null) == (query is null))
        {
            throw new ToolArgumentException("give exactly one of 'rule' or 'query'.");
        }

        var earliest = args.Time("earliest");
        var latest = args.Time("latest");
        if (earliest >= latest)
        {
            throw new ToolArgumentException("'earliest' must be before 'latest'.");
        }

        var result = await BusRequests.TrySendAsync<RunDetection, DetectionResult>(call.Service<IRequestClient<RunDetection>>(),
            new RunDetection
            {
                Rule = rule, Query = query, Earliest = earliest, Latest = latest, Raise = args.Bool("raise", false),
                RequestedBy = call.Actor, OccurredAt = call.Service<TimeProvider>().GetUtcNow(),
            }, cancellationToken, Timeout);
        if (result is null)
        {
            return ToolResults.Error("The detector did not answer within 60 s; try a narrower time range or retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Detection did not run ({result.Status}): {result.Error}");
        }

        var signals = result.Signals.Take(MaxSignals).Select(s => call.Json(s with
        {
            Template = TextLimits.TruncateOrNull(s.Template, 300),
            SampleLines = s.SampleLines.Take(3).Select(l => TextLimits.Truncate(l, 300)).ToList(),
        }));
        var body = new JsonObject
        {
            ["rule"] = result.Rule,
            ["eventsScanned"] = result.EventsScanned,
            ["signalCount"] = result.Signals.Count,
            ["signals"] = new JsonArray([.. signals]),
            ["alertIds"] = new JsonArray([.. result.AlertIds.Select(a => JsonValue.Create(a))]),
        };
        var shown = result.Signals.Count > MaxSignals ? $" (first {MaxSignals} shown)" : "";
        return ToolResults.Success(
            $"{result.Signals.Count} signal(s){shown} from {result.EventsScanned} event(s); {result.AlertIds.Count} alert(s) raised.", body);
    }
}
