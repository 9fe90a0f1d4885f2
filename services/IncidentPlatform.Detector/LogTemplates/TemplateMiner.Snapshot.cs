namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>Snapshot, restore and merge: what lets template ids survive restarts and replicas.</summary>
internal sealed partial class TemplateMiner
{
    public TemplateSnapshot ToSnapshot() => new(
        TemplateSnapshot.CurrentFormat,
        Options.Depth,
        [.. _clusters.Select(c => new ClusterSnapshot(c.Id, [.. c.Tokens], c.Route, c.Size))]);

    /// <summary>A miner with the snapshot's templates: it gives the same ids to the same lines as the one saved.</summary>
    public static TemplateMiner Restore(TemplateSnapshot snapshot, TemplateMinerOptions? options = null)
    {
        if (snapshot.Format != TemplateSnapshot.CurrentFormat)
        {
            throw new NotSupportedException($"Template snapshot format {snapshot.Format} is not {TemplateSnapshot.CurrentFormat}.");
        }

        var miner = new TemplateMiner(options);
        miner.Merge(snapshot);
        miner.ChangeCount = 0;
        return miner;
    }

    /// <summary>
    /// Adds what another miner of the same source learnt (a replica that wrote its state before us): templates with an
    /// id we lack are added as they are; for an id we have, a template of the same length widens ours where they
    /// differ, one of another length is added as a variant. So two replicas end with the union of their templates and
    /// the same ids, and no id is ever dropped.
    /// </summary>
    public void Merge(TemplateSnapshot snapshot)
    {
        var sameDepth = snapshot.Depth == Options.Depth;
        foreach (var theirs in snapshot.Clusters)
        {
            var tokens = theirs.Tokens.Select(t => t == Placeholders.Wildcard ? Placeholders.Wildcard : t).ToArray();
            var ours = _families.GetValueOrDefault(theirs.Id)?.Find(c => c.Tokens.Length == tokens.Length);
            if (ours is not null)
            {
                ours.Size = Math.Max(ours.Size, theirs.Size);
                if (ours.Generalize(tokens))
                {
                    ChangeCount++;
                    if (ours.RouteIsStale())
                    {
                        Reroute(ours);
                    }
                }

                continue;
            }

            var route = sameDepth && theirs.Route.Count == Math.Min(Options.Depth, tokens.Length)
                ? [.. theirs.Route]
                : RouteFromTemplate(tokens);
            Register(new TemplateCluster(theirs.Id, tokens, route, theirs.Size));
            ChangeCount++;
        }
    }

    private string[] RouteFromTemplate(string[] tokens) =>
        [.. tokens.Take(Options.Depth).Select(t => TokenTraits.Of(t).RoutesAsWildcard ? Placeholders.Wildcard : t)];
}
