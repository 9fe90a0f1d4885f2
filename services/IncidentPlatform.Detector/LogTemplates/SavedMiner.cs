namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>A miner and the store version its state was read at (0: nothing stored yet).</summary>
internal sealed record SavedMiner(TemplateMiner Miner, long Version);
