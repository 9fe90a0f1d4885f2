using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>A signature's fit to the incident.</summary>
/// <param name="Signature">The signature.</param>
/// <param name="Score">Its ranking score (specificity × peak strength × coverage).</param>
/// <param name="Peak">The strongest single match, 0–1.</param>
/// <param name="Coverage">The share of the incident's weighted observations it explains, 0–1.</param>
/// <param name="Evidence">The lines that show it, strongest first.</param>
internal sealed record ScoredHypothesis(
    FailureSignature Signature, double Score, double Peak, double Coverage, IReadOnlyList<ContextLine> Evidence);
