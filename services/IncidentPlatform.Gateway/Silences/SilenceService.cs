using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// The one place silences are listed, created and ended, for REST (<see cref="SilenceEndpoints"/>) and MCP (the
/// <c>silences</c> tool) alike. Ending a silence keeps it, expired, so the record of what was muted stays.
/// </summary>
internal sealed class SilenceService(SilenceStore store, TimeProvider time, ILogger<SilenceService> logger)
{
    public static readonly IReadOnlyList<string> States = ["pending", "active", "expired"];

    /// <summary>Silences in the given state (all when null), newest start first.</summary>
    public async Task<IReadOnlyList<SilenceView>> ListAsync(string? state, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return (await store.ListAsync(ct)).Select(s => SilenceView.Of(s, now))
            .Where(v => state is null || v.State == state)
            .OrderByDescending(v => v.StartsAt).ThenByDescending(v => v.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<SilenceView?> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } found ? SilenceView.Of(found.Silence, time.GetUtcNow()) : null;

    /// <summary>Validates and stores a new silence; returns it, or the problems by field.</summary>
    public async Task<(SilenceView? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        SilenceRequest request, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = SilenceValidator.Validate(request, now, out var matchers, out var startsAt, out var endsAt);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var silence = new Silence
        {
            Id = Ids.New("sil", time),
            Matchers = matchers,
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedBy = actor,
            Comment = request.Comment ?? "",
            CreatedAt = now,
        };
        await store.TryPutAsync(silence, 0, ct);
        logger.LogInformation("{Actor} created silence {SilenceId} from {StartsAt} to {EndsAt}", actor, silence.Id, startsAt, endsAt);
        return (SilenceView.Of(silence, now), errors);
    }

    /// <summary>Ends a silence now; null when there is no such silence, false when it kept changing under us.</summary>
    public async Task<bool?> ExpireAsync(string id, string actor, CancellationToken ct)
    {
        bool? ended;
        try
        {
            ended = await store.UpdateAsync(id, silence =>
            {
                var now = time.GetUtcNow();
                return silence.EndsAt <= now
                    ? null
                    : silence with { StartsAt = silence.StartsAt < now ? silence.StartsAt : now, EndsAt = now };
            }, ct);
        }
        catch (StoreConflictException)
        {
            return false;
        }

        if (ended == true)
        {
            logger.LogInformation("{Actor} ended silence {SilenceId}", actor, id);
        }

        return ended is null ? null : true;
    }
}
