using IncidentPlatform.Contracts;

namespace IncidentPlatform.Testing.Evaluation;

/// <summary>An alert of a scenario.</summary>
public sealed record CorpusAlert
{
    public required string Title { get; init; }

    public string? Message { get; init; }

    public string Source { get; set; } = "generic";

    public Severity Severity { get; set; } = Severity.High;

    /// <summary>Minutes before the analysis (negative).</summary>
    public double At { get; init; }

    public Dictionary<string, string> Labels { get; set; } = [];
}
