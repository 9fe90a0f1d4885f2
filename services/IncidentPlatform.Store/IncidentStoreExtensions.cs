using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>Read-modify-write on top of <see cref="IIncidentStore.TryUpdateAsync"/>.</summary>
public static class IncidentStoreExtensions
{
    /// <summary>
    /// Loads the incident, applies <paramref name="change"/>, and stores it with a version check, retrying on conflict.
    /// <paramref name="change"/> may run several times and must only compute; returning null (or the same instance)
    /// means "no change". Returns the stored incident, the unchanged one, or null when the incident does not exist; throws
    /// <see cref="StoreConflictException"/> when it kept changing (<see cref="ConflictRetry"/>).
    /// </summary>
    public static async Task<Incident?> UpdateAsync(
        this IIncidentStore store, string incidentId, Func<Incident, Incident?> change,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(incidentId, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var changed = change(current);
            if (changed is null || ReferenceEquals(changed, current))
            {
                return current;
            }

            var stored = await store.TryUpdateAsync(changed with { Version = current.Version }, cancellationToken);
            if (stored is not null)
            {
                return stored;
            }

            await ConflictRetry.BackOffAsync(attempt, $"Incident {incidentId}", cancellationToken);
        }
    }
}
