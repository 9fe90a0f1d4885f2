using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>One observation (an alert or a detector signal) with its lines.</summary>
/// <param name="Group">The group of its lines.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="Weight">How much it counts (more when far above its usual count).</param>
/// <param name="At">When it was first observed, when known.</param>
/// <param name="Signal">The detector signal, for signal units.</param>
/// <param name="ChangeStrength">How clearly it announces a change (deployment, configuration).</param>
/// <param name="Findings">What its lines say when read like an engineer reads them (<see cref="Reading.LineReader"/>).</param>
internal sealed record EvidenceUnit(
    string Group, IReadOnlyList<ContextLine> Lines, double Weight, DateTimeOffset? At, SignalSummary? Signal, double ChangeStrength,
    IReadOnlyList<(ContextLine Line, Reading.Finding Finding)> Findings);
