namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>
/// The store contract again, with a journal so small that compactions run all the time, concurrently with the calls.
/// </summary>
public sealed class EmbeddedStoreCompactingContractTests : EmbeddedStoreContractTests
{
    protected override long CompactionThresholdBytes => 4096;
}
