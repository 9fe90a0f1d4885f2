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

    /// <summary>
    /// True for the held-out quarter (the corpus's <c>HeldOut</c> folder): written with the rest, set aside by a hash of
    /// their ids before the analyzer was changed, and measured only at the end. Set by the loader, not the file.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HeldOut { get; set; }

    /// <summary>True for scenarios whose text tries to steer the analysis (prompt injection).</summary>
    public bool Adversarial { get; init; }

    public required CorpusExpectation Expected { get; init; }
}
