namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>A miner's state as JSON: its templates in creation order, each with what rebuilds the same tree.</summary>
/// <param name="Format">The snapshot format; a reader refuses formats it does not know.</param>
/// <param name="Depth">The tree depth the routes were made for (routes are rebuilt when it differs).</param>
/// <param name="Clusters">The templates, oldest first; variants share their family's id.</param>
internal sealed record TemplateSnapshot(int Format, int Depth, IReadOnlyList<ClusterSnapshot> Clusters)
{
    /// <summary>
    /// 2: the masker finds values in more places (dotted names, numbers glued to words, <c>key=value</c> names, short
    /// hex), so templates saved in format 1 no longer match the lines they were made from and are not restored.
    /// </summary>
    public const int CurrentFormat = 2;
}

