namespace IncidentPlatform.Contracts;

/// <summary>One candidate root cause.</summary>
public sealed record Hypothesis
{
    /// <summary>The cause, in a sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Lines from the given context that support it, cited verbatim or by reference.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
