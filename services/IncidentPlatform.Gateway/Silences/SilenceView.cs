using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>A silence as the API shows it, with its state now: <c>pending</c>, <c>active</c> or <c>expired</c>.</summary>
internal sealed record SilenceView(
    string Id, IReadOnlyList<SilenceMatcher> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string CreatedBy,
    string Comment, DateTimeOffset CreatedAt, string State)
{
    public static SilenceView Of(Silence silence, DateTimeOffset now) => new(
        silence.Id, silence.Matchers, silence.StartsAt, silence.EndsAt, silence.CreatedBy, silence.Comment, silence.CreatedAt,
        StateOf(silence, now));

    public static string StateOf(Silence silence, DateTimeOffset now) =>
        now >= silence.EndsAt ? "expired" : now < silence.StartsAt ? "pending" : "active";
}
