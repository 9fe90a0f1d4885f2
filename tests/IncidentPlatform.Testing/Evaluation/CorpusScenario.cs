using IncidentPlatform.Contracts;

namespace IncidentPlatform.Testing.Evaluation;

/// <summary>
/// One labelled incident of the evaluation corpus: what the alerts and logs said, and what a good operator concluded
/// (the category) and did (the catalog action, or none). Times are minutes relative to when the incident was analyzed.
/// </summary>
public sealed record CorpusScenario
{
    public required string Id { get; init; }

    public string Description { get; set; } = "";

    public string? Service { get; init; }

    public Severity Severity { get; set; } = Severity.High;

    public Dictionary<string, string> Labels { get; set; } = [];

    public List<CorpusAlert> Alerts { get; set; } = [];

    public List<CorpusSignal> Signals { get; set; } = [];

    /// <summary>True for scenarios written after the offline knowledge base was last changed and never used to change it.</summary>
    public bool HeldOut { get; set; }

    /// <summary>True for scenarios whose text tries to steer the analysis (prompt injection).</summary>
    public bool Adversarial { get; init; }

    public required CorpusExpectation Expected { get; init; }
}
