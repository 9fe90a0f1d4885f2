using IncidentPlatform.Contracts;

namespace IncidentPlatform.Testing.Evaluation;

/// <summary>A detector signal of a scenario: a template counted in a window, with sample lines.</summary>
public sealed record CorpusSignal
{
    public SignalKind Kind { get; set; } = SignalKind.Baseline;

    public required string Template { get; init; }

    public long Count { get; init; }

    public double? Baseline { get; init; }

    /// <summary>Minutes before the analysis when the window ended (negative).</summary>
    public double At { get; init; }

    public double WindowMinutes { get; set; } = 5;

    public List<string> Samples { get; set; } = [];
}
