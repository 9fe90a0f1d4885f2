using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Pipeline;

/// <summary>What asking one model provider gave: an analysis, or why not; and the tokens and cost it took either way.</summary>
/// <param name="Analysis">The checked analysis, or null.</param>
/// <param name="FailureReason">Why there is none (timeout, error, invalid reply, budget cap).</param>
/// <param name="BudgetDenied">True when a budget cap stopped the call (no other model will be asked).</param>
/// <param name="InputTokens">Input tokens used.</param>
/// <param name="OutputTokens">Output tokens used.</param>
/// <param name="CostUsd">What they cost.</param>
internal sealed record ModelOutcome(
    IncidentAnalysis? Analysis, string? FailureReason, bool BudgetDenied, long InputTokens, long OutputTokens, decimal CostUsd);
