using System.Text.Json;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Kpis;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>incident_kpis</c>: the KPIs of a window, as <c>GET /api/kpis</c> computes them (<see cref="KpiService"/>), without the chart series.</summary>
[McpServerToolType]
internal sealed class IncidentKpisTool(KpiService kpis, IOptions<KpiOptions> options, TimeProvider time)
{
    [McpServerTool(Name = "incident_kpis", Title = "Incident KPIs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Incident and automation KPIs of a window: opened/resolved, MTTA, MTTR, share resolved without a person, " +
                 "remediation outcomes, approval waits, notifications, analysis cache hits and model spend. Scope read.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Window start, ISO 8601 (default: a day before 'to').")] string? from = null,
        [Description("Window end (default: now).")] string? to = null,
        [Description("Only this service."), MaxLength(200)] string? service = null,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, Scopes.Read) is { } refused)
        {
            return refused;
        }

        var window = KpiWindow.Parse(from, to, time.GetUtcNow(), options.Value.MaxWindow);
        if (window.Errors.Count > 0)
        {
            throw new ToolArgumentException(string.Join(" ", window.Errors.Select(e => $"'{e.Key}': {string.Join(" ", e.Value)}")));
        }

        var report = await kpis.ComputeAsync(window.From, window.To, ToolArgumentException.Optional(service), cancellationToken);
        var structured = JsonSerializer.SerializeToNode(report with { Series = [] }, KpiJsonContext.Default.KpiReport)!.AsObject();
        structured.Remove("series");
        return ToolResults.Success($"KPIs {window.From:u} to {window.To:u}{(report.Service is null ? "" : $" for {report.Service}")}",
            structured, KpiFormat.Lines(report));
    }
}
