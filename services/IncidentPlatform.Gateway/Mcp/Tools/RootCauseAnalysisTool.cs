using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>root_cause_analysis</c>: the incident's analysis; when there is none (or a refresh is asked for) it sends
/// <see cref="AnalyzeIncident"/> and polls the store for a bounded time, then returns what there is.
/// </summary>
[McpServerToolType]
internal sealed class RootCauseAnalysisTool(IIncidentStore store, IPublishEndpoint bus, McpViews views, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    [McpServerTool(Name = "root_cause_analysis", Title = "Root-cause analysis", ReadOnly = false, Destructive = false, Idempotent = true,
        OpenWorld = true)]
    [Description("Get an incident's root-cause analysis (category, hypotheses with evidence, impact, recommended catalog actions). " +
                 "Without one, requests it and waits up to waitSeconds. Scope read; refresh=true (re-analyze) needs write.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Incident id (inc-…)."), MaxLength(100)] string id,
        [Description("Re-analyze even if an analysis exists.")] bool refresh = false,
        [Description("How long to wait for a new analysis."), Range(0, 60)] int waitSeconds = 20,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, refresh ? Scopes.Write : Scopes.Read) is { } refused)
        {
            return refused;
        }

        id = ToolArgumentException.Required(id, "id");
        var incident = await store.GetAsync(id, cancellationToken);
        if (incident is null)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'.");
        }

        if (incident.Analysis is not null && !refresh)
        {
            return Done(incident.Analysis, "");
        }

        var requestedAt = time.GetUtcNow();
        await bus.Publish(new AnalyzeIncident { IncidentId = id, OccurredAt = requestedAt, RequestedBy = user!.Actor(), RequestedById = user!.ActorId(), Force = refresh },
            cancellationToken);
        var deadline = requestedAt + TimeSpan.FromSeconds(waitSeconds);
        while (true)
        {
            incident = await store.GetAsync(id, cancellationToken);
            if (incident?.Analysis is { } analysis && (!refresh || analysis.AnalyzedAt >= requestedAt))
            {
                return Done(analysis, " (new)");
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
            ["analysis"] = previous is null ? null : views.Analysis(previous),
        };
        return ToolResults.Success(
            $"Analysis of {id} requested but not ready after {waitSeconds} s; call again later (refresh=false)." +
            (previous is null ? "" : " The previous analysis is included."), body, previous is null ? null : McpText.Analysis(previous));
    }

    private CallToolResult Done(IncidentAnalysis analysis, string fresh)
    {
        var top = analysis.Hypotheses.FirstOrDefault()?.Summary;
        var body = new JsonObject { ["status"] = "done", ["analysis"] = views.Analysis(analysis) };
        return ToolResults.Success(
            $"Analysis{fresh}: {analysis.Category}, {McpText.Word(analysis.Severity)}. {TextLimits.Truncate(top ?? "No hypothesis.", 300)}",
            body, McpText.Analysis(analysis));
    }
}
