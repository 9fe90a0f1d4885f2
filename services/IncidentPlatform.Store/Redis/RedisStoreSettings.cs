namespace IncidentPlatform.Store.Redis;

/// <summary>How a <see cref="RedisIncidentStore"/> lays out and bounds its work.</summary>
internal sealed record RedisStoreSettings
{
    /// <summary>The production key prefix.</summary>
    public const string DefaultKeyPrefix = "ip:";

    /// <summary>The prefix of every key the store uses (tests give each store its own).</summary>
    public string KeyPrefix { get; init; } = DefaultKeyPrefix;

    /// <summary>Alerts kept per incident, newest recorded first.</summary>
    public int MaxAlertsPerIncident { get; init; } = StoreOptions.DefaultMaxAlertsPerIncident;

    /// <summary>
    /// Index entries one listing script examines at most before it returns (so one call never holds the server for
    /// long); the listing goes on with another script until <see cref="ListScanLimit"/>.
    /// </summary>
    public int ListScanBatch { get; init; } = 500;

    /// <summary>
    /// Index entries one <see cref="IIncidentStore.ListAsync"/> examines at most. When a selective filter (text, or
    /// several filters matching few) reaches it, the page comes back short, with a cursor to go on from there.
    /// </summary>
    public int ListScanLimit { get; init; } = 10_000;
}
