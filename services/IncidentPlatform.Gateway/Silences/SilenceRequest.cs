namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// The body of <c>POST /api/silences</c>: matchers (all must match), when it starts (default now) and ends — an
/// <c>endsAt</c> time or a <c>duration</c> (<c>hh:mm:ss</c> or <c>d.hh:mm:ss</c>) — and why.
/// </summary>
internal sealed record SilenceRequest(
    IReadOnlyList<SilenceMatcherRequest>? Matchers,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    TimeSpan? Duration,
    string? Comment);
