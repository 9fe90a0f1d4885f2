namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>A miner and the store version its state was read at (0: nothing stored yet).</summary>
/// <param name="Miner">The restored miner, or a new one.</param>
/// <param name="Version">The version to save against.</param>
/// <param name="Outdated">
/// The stored state was of an older snapshot format and was not restored: the miner learns the source's templates
/// again, under new ids, and whoever watches for new templates should start over too.
/// </param>
internal sealed record SavedMiner(TemplateMiner Miner, long Version, bool Outdated = false);
