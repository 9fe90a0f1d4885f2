namespace IncidentPlatform.Contracts;

/// <summary>One condition of a silence: a label (or <c>service</c>, <c>source</c>, <c>title</c>) equal to, or matching,
/// a value.</summary>
public sealed record SilenceMatcher
{
    /// <summary>The label name; <c>service</c>, <c>source</c> and <c>severity</c> match those fields.</summary>
    public required string Name { get; init; }

    /// <summary>The value, or a regular expression when <see cref="IsRegex"/>.</summary>
    public required string Value { get; init; }

    /// <summary>Match <see cref="Value"/> as an anchored regular expression.</summary>
    public bool IsRegex { get; init; }

    /// <summary>Invert the match.</summary>
    public bool IsNegative { get; init; }
}
