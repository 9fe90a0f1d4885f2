namespace IncidentPlatform.Analysis.Prompting;

/// <summary>The data block of the prompt, serialized as JSON. Every string in it is untrusted and neutralized.</summary>
internal sealed record PromptData
{
    public required PromptIncident Incident { get; init; }

    public required IReadOnlyList<PromptLine> Lines { get; init; }

    public required IReadOnlyList<PromptSignal> Signals { get; init; }

    public required IReadOnlyList<PromptSimilarIncident> SimilarIncidents { get; init; }
}

internal sealed record PromptIncident
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Service { get; init; }

    public required string Severity { get; init; }

    public required string Status { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset FirstAlertAt { get; init; }

    public DateTimeOffset LastAlertAt { get; init; }

    public long AlertCount { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}

internal sealed record PromptLine
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset? At { get; init; }

    public required string Text { get; init; }
}

internal sealed record PromptSignal
{
    public required string Kind { get; init; }

    public string? TemplateLine { get; init; }

    public required IReadOnlyList<string> SampleLines { get; init; }

    public long Count { get; init; }

    public double? Baseline { get; init; }

    public double? TimesBaseline { get; init; }

    public double? Threshold { get; init; }

    public DateTimeOffset WindowStart { get; init; }

    public DateTimeOffset WindowEnd { get; init; }
}

internal sealed record PromptSimilarIncident
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public string? ResolvedBy { get; init; }

    public string? Category { get; init; }

    public string? RootCause { get; init; }

    public IReadOnlyList<string> RecommendedActions { get; init; } = [];

    public IReadOnlyList<string> Resolution { get; init; } = [];

    public int SharedTemplates { get; init; }
}
