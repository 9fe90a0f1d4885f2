namespace IncidentPlatform.Contracts;

/// <summary>
/// A silence or maintenance window: alerts matching every matcher between <see cref="StartsAt"/> and
/// <see cref="EndsAt"/> are recorded but do not page.
/// </summary>
public sealed record Silence
{
    /// <summary>Our id (<c>sil-…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>All must match.</summary>
    public required IReadOnlyList<SilenceMatcher> Matchers { get; init; }

    /// <summary>Start of the window.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>End of the window.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Why.</summary>
    public string Comment { get; init; } = "";

    /// <summary>When created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
