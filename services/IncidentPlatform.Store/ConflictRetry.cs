namespace IncidentPlatform.Store;

/// <summary>
/// The one retry policy of the compare-and-set loops (<see cref="DocumentStoreExtensions"/>,
/// <see cref="IncidentStoreExtensions"/>): up to <see cref="MaxAttempts"/> attempts, competing writers spread apart by a
/// small random delay that grows with each conflict.
/// </summary>
internal static class ConflictRetry
{
    /// <summary>How many times a read–modify–write is tried.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Waits before attempt <paramref name="attempt"/> + 1; throws <see cref="StoreConflictException"/> after the last.</summary>
    public static Task BackOffAsync(int attempt, string what, CancellationToken cancellationToken) =>
        attempt + 1 >= MaxAttempts
            ? throw new StoreConflictException($"{what} kept changing under {MaxAttempts} update attempts.")
            : Task.Delay(Random.Shared.Next(0, 2 + attempt), cancellationToken);
}
