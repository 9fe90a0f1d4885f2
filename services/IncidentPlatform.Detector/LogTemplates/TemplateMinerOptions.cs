namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// The miner's settings. There is one default for every source (<see cref="Default"/>), chosen by leave-one-out over
/// the labelled loghub samples (tune on seven, measure the eighth: <c>bench template-loo</c>), never per data set; a
/// source should not need its own.
/// </summary>
internal sealed record TemplateMinerOptions
{
    public static TemplateMinerOptions Default { get; } = new();

    /// <summary>
    /// How many leading tokens route a line through the tree before the leaf's clusters are compared. An index only: a
    /// line no leaf takes is compared with every template of its length before it starts a new one, so the depth changes
    /// the speed (<c>bench template-throughput</c>), not the grouping.
    /// </summary>
    public int Depth { get; init; } = 2;

    /// <summary>
    /// The least share of equal positions for a line to join a template rather than start a new one. Every fold of the
    /// leave-one-out search chose 0.4 or 0.5 (a plateau); 0.4 is also Drain3's default.
    /// </summary>
    public double SimilarityThreshold { get; init; } = 0.4;

    /// <summary>
    /// At how many positions a line may hold another word than its template and still join it (the word is then taken
    /// for a value: a user, a host). Values the masker recognises may always differ. The leave-one-out search chose 0:
    /// on the labelled samples a differing word far more often names another event (<c>state Active</c> /
    /// <c>Inactive</c>, <c>RUNNING to FAILED</c> / <c>SUCCEEDED</c>) than a value.
    /// </summary>
    public int MaxWordDifferences { get; init; }

    /// <summary>The least share of equal positions for a line that differs from its template in a word.</summary>
    public double WordSimilarityThreshold { get; init; } = 1.0;

    /// <summary>Children per tree node; past it new constant tokens route to the wildcard child.</summary>
    public int MaxChildren { get; init; } = 100;
}
