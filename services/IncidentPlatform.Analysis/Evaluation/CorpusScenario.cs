using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Evaluation;

/// <summary>
/// One labelled incident of the evaluation corpus: what the alerts and logs said, and what a good operator concluded
/// (the category) and did (the catalog action, or none). Times are minutes relative to when the incident was analyzed.
/// </summary>
internal sealed record CorpusScenario
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

/// <summary>An alert of a scenario.</summary>
internal sealed record CorpusAlert
{
    public required string Title { get; init; }

    public string? Message { get; init; }

    public string Source { get; set; } = "generic";

    public Severity Severity { get; set; } = Severity.High;

    /// <summary>Minutes before the analysis (negative).</summary>
    public double At { get; init; }

    public Dictionary<string, string> Labels { get; set; } = [];
}

/// <summary>A detector signal of a scenario: a template counted in a window, with sample lines.</summary>
internal sealed record CorpusSignal
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

/// <summary>What a good operator concluded and did.</summary>
internal sealed record CorpusExpectation
{
    public required string Category { get; init; }

    /// <summary>The catalog action a good operator would take, or null when none fits.</summary>
    public string? Action { get; init; }
}
