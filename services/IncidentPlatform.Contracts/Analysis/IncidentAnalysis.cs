namespace IncidentPlatform.Contracts;

/// <summary>The structured root-cause analysis of an incident, from a model or the offline analyzer.</summary>
public sealed record IncidentAnalysis
{
    /// <summary>A category from the fixed taxonomy (<see cref="AnalysisCategories"/>).</summary>
    public required string Category { get; init; }

    /// <summary>Root-cause hypotheses, most likely first.</summary>
    public required IReadOnlyList<Hypothesis> Hypotheses { get; init; }

    /// <summary>The assessed severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Why that severity.</summary>
    public string SeverityJustification { get; init; } = "";

    /// <summary>Who and what is affected.</summary>
    public string Impact { get; init; } = "";

    /// <summary>Actions from the remediation catalog, with parameters, best first.</summary>
    public IReadOnlyList<RecommendedAction> RecommendedActions { get; init; } = [];

    /// <summary>
    /// Values read from the alerts' own text (<c>instance_id</c>, <c>disk_used_percent</c>, <c>threshold_percent</c>,
    /// <c>path</c>, <c>queue</c>, <c>http_status</c>, <c>exit_code</c>…), kept apart from the labels the sender set. Policies
    /// use them as <c>derived.x</c>; like the text they come from they are untrusted, and every action's schema and bounds
    /// check them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Derived { get; init; } = new Dictionary<string, string>();

    /// <summary>Free-text steps for a person.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Who answered: <c>bedrock</c>, <c>anthropic</c> or <c>offline</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The model id, for model providers.</summary>
    public string? Model { get; init; }

    /// <summary>True when this analysis was reused from the cache of a previous, equivalent incident.</summary>
    public bool Cached { get; init; }

    /// <summary>Tokens used (input + output), zero for the offline analyzer and cache hits.</summary>
    public int Tokens { get; init; }

    /// <summary>Input tokens.</summary>
    public int InputTokens { get; init; }

    /// <summary>Output tokens.</summary>
    public int OutputTokens { get; init; }

    /// <summary>The cost of this analysis in US dollars, from the configured prices.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Why a fallback answered instead of the configured provider (budget cap, provider error…), if one did.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>What validation changed in the answer (unknown actions dropped, confidences clamped, citations removed…)
    /// and other remarks about how it was made.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The normalized error fingerprint the analysis is cached under.</summary>
    public string? CacheKey { get; init; }

    /// <summary>When the analysis was made.</summary>
    public required DateTimeOffset AnalyzedAt { get; init; }
}
