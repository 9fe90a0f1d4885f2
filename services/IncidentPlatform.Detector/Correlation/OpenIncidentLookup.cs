using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Which unresolved incident holds a fingerprint, without ever opening one. <see cref="IIncidentStore.FindOrOpenAsync"/>
/// is asked with a candidate whose id already exists: the store returns the holder when there is one, and refuses
/// (<see cref="InvalidOperationException"/>, as its contract says) when the fingerprint is free, because a new incident
/// needs a new id. So the question is atomic with every other open, and the store interface needs no extra method.
/// </summary>
internal static class OpenIncidentLookup
{
    /// <summary>The unresolved incident holding <paramref name="fingerprint"/>, or null when none does.</summary>
    /// <param name="incidents">The store.</param>
    /// <param name="fingerprint">The fingerprint.</param>
    /// <param name="existing">Any incident that exists in the store (its id makes the call a pure lookup).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<Incident?> HolderAsync(
        IIncidentStore incidents, string fingerprint, Incident existing, CancellationToken cancellationToken)
    {
        try
        {
            var probe = existing with { Fingerprint = fingerprint, Status = IncidentStatus.Open };
            var (holder, opened) = await incidents.FindOrOpenAsync(fingerprint, probe, cancellationToken);
            return opened
                ? throw new InvalidOperationException($"The store opened a copy of incident {existing.Id}: it does not exist.")
                : holder;
        }
        catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
