using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;
using MassTransit;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>root_cause_analysis</c>: the incident's analysis; when there is none (or a refresh is asked for) it sends
/// <see cref="AnalyzeIncident"/> and polls the store for a bounded time, then returns what there is.
/// </summary>
internal sealed class RootCauseAnalysisTool : IMcpTool
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public Tool Definition { get; } = ToolDefinitions.Create("root_cause_analysis", "Root-cause analysis",
        "Get an incident's root-cause analysis (category, hypotheses with evidence, impact, recommended catalog actions). " +
        "Without one, requests it and waits up to waitSeconds. Scope read; refresh=true (re-analyze) needs write.",
        """
        {"type":"object","properties":{
        "id":{"type":"string","maxLength":100,"description":"Incident id (inc-…)."},
        "refresh":{"type":"boolean","default":false,"description":"Re-analyze even if an analysis exists."},
        "waitSeconds":{"type":"integer","minimum":0,"maximum":60,"default":20,"description":"How long to wait for a new analysis."}},
        "required":["id"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true });

    public string RequiredScope(ToolArguments arguments) => arguments.Bool("refresh", false) ? Scopes.Write : Scopes.Read;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.Arguments.Required("id", 100);
        var refresh = call.Arguments.Bool("refresh", false);
        var wait = TimeSpan.FromSeconds(call.Arguments.Int("waitSeconds", 0, 60, 20));
        var store = call.Service<IIncidentStore>();
        var time = call.Service<TimeProvider>();
        var incident = await store.GetAsync(id, cancellationToken);
        if (incident is null)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'.");
        }

        if (incident.Analysis is not null && !refresh)
        {
            return Done(call, incident.Analysis, "");
        }

        var requestedAt = time.GetUtcNow();
        await call.Service<IPublishEndpoint>().Publish(new AnalyzeIncident
        {
            IncidentId = id, OccurredAt = requestedAt, RequestedBy = call.Actor, Force = refresh,
        }, cancellationToken);

        var deadline = requestedAt + wait;
        while (true)
        {
            incident = await store.GetAsync(id, cancellationToken);
            if (incident?.Analysis is { } analysis && (!refresh || analysis.AnalyzedAt >= requestedAt))
            {
                return Done(call, analysis, " (new)");
            }

            if (time.GetUtcNow() >= deadline || incident is null)
            {
                break;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        var previous = incident?.Analysis;
        var body = new JsonObject
        {
            ["id"] = id,
            ["status"] = "pending",
            ["analysis"] = previous is null ? null : AnalysisViews.View(call, previous),
        };
        return ToolResults.Success(
            $"Analysis of {id} requested but not ready after {wait.TotalSeconds:0} s; call again later (refresh=false)." +
            (previous is null ? "" : " The previous analysis is included."), body);
    }

    private static CallToolResult Done(ToolCall call, IncidentAnalysis analysis, string fresh)
    {
        var top = analysis.Hypotheses.FirstOrDefault()?.Summary;
        var body = new JsonObject { ["status"] = "done", ["analysis"] = AnalysisViews.View(call, analysis) };
        return ToolResults.Success(
            $"Analysis{fresh}: {analysis.Category}, {analysis.Severity}. {TextLimits.Truncate(top ?? "No hypothesis.", 300)}", body);
    }
}
