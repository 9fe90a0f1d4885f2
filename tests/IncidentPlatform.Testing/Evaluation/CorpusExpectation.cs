namespace IncidentPlatform.Testing.Evaluation;

/// <summary>What a good operator concluded and did.</summary>
public sealed record CorpusExpectation
{
    public required string Category { get; init; }

    /// <summary>The catalog action a good operator would take, or null when none fits.</summary>
    public string? Action { get; init; }
}
