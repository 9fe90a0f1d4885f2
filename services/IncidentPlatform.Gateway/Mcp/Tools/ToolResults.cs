using System.Runtime.CompilerServices;
using System.Text.Json;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Tool results: <c>structuredContent</c> for programs, and a text block for people and models that read text (a
/// one-line summary, then readable lines — see <see cref="McpText"/>); or an error result (<c>isError</c>) the model can
/// act on.
/// </summary>
internal static class ToolResults
{
    /// <summary>The longest text block a result carries; structured content is bounded by the tools themselves.</summary>
    public const int MaxText = 24_000;

    public static CallToolResult Success(string summary, JsonObject structured, IEnumerable<string>? lines = null) => new()
    {
        Content = [new TextContentBlock { Text = TextLimits.Truncate(string.Join('\n', [summary, .. lines ?? []]), MaxText) }],
        StructuredContent = JsonSerializer.SerializeToElement(structured),
    };

    // Why an error result failed (forbidden, unauthenticated, invalid_arguments), for the tool-call counter; not sent.
    private static readonly ConditionalWeakTable<CallToolResult, string> Outcomes = new();

    /// <summary>An error result; <paramref name="outcome"/> says why, for telemetry (<see cref="OutcomeOf"/>).</summary>
    public static CallToolResult Error(string message, string outcome = "error")
    {
        var result = new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
        Outcomes.AddOrUpdate(result, outcome);
        return result;
    }

    /// <summary>How a call ended: ok, error, or the reason an error result was given.</summary>
    public static string OutcomeOf(CallToolResult result) =>
        result.IsError != true ? "ok" : Outcomes.TryGetValue(result, out var outcome) ? outcome : "error";
}
