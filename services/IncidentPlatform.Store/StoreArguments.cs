using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>Argument checks every store makes the same way, so both throw the same exceptions for the same input.</summary>
internal static class StoreArguments
{
    /// <summary>The checks of <see cref="IIncidentStore.FindOrOpenAsync"/>.</summary>
    /// <exception cref="ArgumentException">Another fingerprint, or a resolved candidate.</exception>
    public static void CheckCandidate(string fingerprint, Incident candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Fingerprint != fingerprint)
        {
            throw new ArgumentException(
                $"The candidate's fingerprint '{candidate.Fingerprint}' differs from '{fingerprint}'.", nameof(candidate));
        }

        if (candidate.Status == IncidentStatus.Resolved)
        {
            throw new ArgumentException("A resolved incident cannot be opened.", nameof(candidate));
        }
    }

    /// <summary>The checks of <see cref="IDocumentStore.TryPutAsync"/>.</summary>
    public static void CheckDocument(string collection, string id, string json, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
    }
}
