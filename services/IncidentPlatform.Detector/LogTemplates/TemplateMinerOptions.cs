namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// The miner's settings. There is one default for every source (<see cref="Default"/>); it was chosen on the loghub
/// samples as a whole, never per dataset, and a source should not need its own.
/// </summary>
internal sealed record TemplateMinerOptions
{
    public static TemplateMinerOptions Default { get; } = new();

    /// <summary>How many leading tokens route a line through the tree before the leaf's clusters are compared.</summary>
    public int Depth { get; init; } = 2;

    /// <summary>
    /// The least share of equal positions for a line to join a template rather than start a new one. 0.4 to 0.5 give
    /// the same grouping on all eight loghub samples; 0.4 (Drain3's default) sits inside that plateau.
    /// </summary>
    public double SimilarityThreshold { get; init; } = 0.4;

    /// <summary>Children per tree node; past it new constant tokens route to the wildcard child.</summary>
    public int MaxChildren { get; init; } = 100;
}
