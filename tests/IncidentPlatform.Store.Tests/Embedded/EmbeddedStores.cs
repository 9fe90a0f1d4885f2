using IncidentPlatform.Store.Embedded;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>Opens embedded stores for tests.</summary>
internal static class EmbeddedStores
{
    public static EmbeddedStore Open(
        string directory, TimeProvider? time = null, int maxAlertsPerIncident = StoreOptions.DefaultMaxAlertsPerIncident,
        long compactionThresholdBytes = StoreOptions.DefaultCompactionThresholdBytes, ILogger? logger = null) =>
        EmbeddedStore.Open(
            new EmbeddedStoreSettings(directory)
            {
                MaxAlertsPerIncident = maxAlertsPerIncident,
                CompactionThresholdBytes = compactionThresholdBytes,
            },
            time ?? TimeProvider.System,
            logger ?? NullLogger.Instance);

    /// <summary>The journal files of a data directory, oldest first.</summary>
    public static string[] Journals(string directory) =>
        [.. Directory.GetFiles(directory, "journal-*.log").Order(StringComparer.Ordinal)];
}
