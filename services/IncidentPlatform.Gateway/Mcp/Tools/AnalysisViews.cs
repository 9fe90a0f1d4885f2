using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>A bounded JSON view of an analysis (hypotheses, evidence, steps).</summary>
internal static class AnalysisViews
{
    public static JsonNode? View(ToolCall call, IncidentAnalysis analysis) => call.Json(analysis with
    {
        Hypotheses = analysis.Hypotheses.Take(5).Select(h => h with
        {
            Summary = TextLimits.Truncate(h.Summary, 500),
            Evidence = h.Evidence.Take(3).Select(e => TextLimits.Truncate(e, 300)).ToList(),
        }).ToList(),
        SeverityJustification = TextLimits.Truncate(analysis.SeverityJustification, 500),
        Impact = TextLimits.Truncate(analysis.Impact, 500),
        Steps = analysis.Steps.Take(10).Select(s => TextLimits.Truncate(s, 300)).ToList(),
        RecommendedActions = analysis.RecommendedActions.Take(5).ToList(),
    });
}
