namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// A Drain-style online template miner: masks a line's variable values, routes it through a fixed-depth tree
/// (token count, then leading tokens) to a few candidate templates, joins the most similar one if it is similar enough
/// (widening it with wildcards where they differ) or else starts a new template with a new stable id.
/// <para>
/// Not thread-safe: it reuses one token buffer for every call, <see cref="Match"/> included. The detector keeps one
/// miner per log source and calls it from that source's single reader (or under a lock); sources never share a miner.
/// </para>
/// </summary>
internal sealed partial class TemplateMiner
{
    private readonly MaskedLine _line = new();
    private readonly ParseTree _tree;
    private readonly Dictionary<string, List<TemplateCluster>> _families = new(StringComparer.Ordinal);
    private readonly List<TemplateCluster> _clusters = [];
    private readonly Dictionary<int, List<TemplateCluster>> _byLength = [];
    private readonly List<TemplateCluster> _candidates = [];

    public TemplateMiner(TemplateMinerOptions? options = null)
    {
        Options = options ?? TemplateMinerOptions.Default;
        _tree = new ParseTree(Options.Depth, Options.MaxChildren);
    }

    public TemplateMinerOptions Options { get; }

    /// <summary>The templates in the order they were created.</summary>
    public IReadOnlyList<TemplateCluster> Clusters => _clusters;

    /// <summary>Counts changes (new or widened templates), so a caller can tell whether its saved state is stale.</summary>
    public long ChangeCount { get; private set; }

    /// <summary>Learns from the line: returns its template, created or widened if need be.</summary>
    public TemplateMatch Add(ReadOnlySpan<char> line)
    {
        LineMasker.Mask(line, _line);
        var cluster = FindBest(_line, out var fits);
        if (cluster is null)
        {
            ChangeCount++;
            var family = FindVariantFamily(_line);
            if (family is not null)
            {
                var variant = Create(_line, family);
                return new TemplateMatch(variant.Id, variant.Text, TemplateChange.Generalized);
            }

            cluster = Create(_line);
            return new TemplateMatch(cluster.Id, cluster.Text, TemplateChange.Created);
        }

        cluster.Size++;
        if (fits || !cluster.Generalize(_line))
        {
            return new TemplateMatch(cluster.Id, cluster.Text, TemplateChange.None);
        }

        if (cluster.RouteIsStale())
        {
            Reroute(cluster);
        }

        ChangeCount++;
        return new TemplateMatch(cluster.Id, cluster.Text, TemplateChange.Generalized);
    }

    /// <summary>The template the line would join, without learning; null when it would start a new one.</summary>
    public TemplateMatch? Match(ReadOnlySpan<char> line)
    {
        LineMasker.Mask(line, _line);
        var cluster = FindBest(_line, out _) ?? FindVariantFamily(_line);
        return cluster is null ? null : new TemplateMatch(cluster.Id, cluster.Text, TemplateChange.None);
    }

    /// <summary>
    /// The line's values: its original text at every position where its template has a wildcard or a placeholder, in
    /// order; null when no template of the line's length fits it. Allocates, so call it only for lines you keep.
    /// </summary>
    public string[]? Parameters(ReadOnlySpan<char> line)
    {
        LineMasker.Mask(line, _line);
        var cluster = FindBest(_line, out _);
        if (cluster is null)
        {
            return null;
        }

        var values = new List<string>();
        for (var i = 0; i < cluster.Tokens.Length; i++)
        {
            if (cluster.Traits[i].MayDiffer)
            {
                var (start, length) = _line.RawRange(i);
                values.Add(line.Slice(start, length).ToString());
            }
        }

        return [.. values];
    }

    /// <summary>The template with this id (its first cluster, when it has variants of other lengths), or null.</summary>
    public TemplateCluster? Find(string templateId) => _families.TryGetValue(templateId, out var family) ? family[0] : null;

    /// <summary>
    /// The most similar template of the line's length, if similar enough; <paramref name="fits"/> when it takes the line
    /// without widening. Drain's leaf is looked in first, then the leaves under the wildcard keys beside it; only a line
    /// none of them takes (a new line, or one whose leading word varies) is compared with every template of its length
    /// before it may start a new one.
    /// </summary>
    private TemplateCluster? FindBest(MaskedLine line, out bool fits)
    {
        var leaf = _tree.Leaf(line);
        if (FindBest(line, leaf, out fits) is { } found)
        {
            return found;
        }

        _candidates.Clear();
        _tree.Find(line, line.Count, _candidates);
        if (_candidates.Count > leaf.Count && FindBest(line, _candidates, out fits) is { } sibling)
        {
            return sibling;
        }

        return _byLength.TryGetValue(line.Count, out var all) && all.Count > _candidates.Count ? FindBest(line, all, out fits) : null;
    }

    private TemplateCluster? FindBest(MaskedLine line, List<TemplateCluster> candidates, out bool fits)
    {
        // All candidates have the line's length, so equal-token counts compare as similarities do.
        TemplateCluster? best = null;
        var bestEqual = -1;
        var bestWildcards = -1;
        var bestWords = 0;
        foreach (var cluster in candidates)
        {
            var equal = cluster.EqualTokens(line, Options.MaxWordDifferences, out var wildcards, out var words);
            if (equal > bestEqual || (equal == bestEqual && (words < bestWords || (words == bestWords && wildcards > bestWildcards))))
            {
                best = cluster;
                bestEqual = equal;
                bestWildcards = wildcards;
                bestWords = words;
            }
        }

        fits = best is not null && bestEqual + bestWildcards == line.Count;
        // An empty line has nothing to compare: all empty lines are one template.
        var threshold = bestWords == 0 ? Options.SimilarityThreshold : Options.WordSimilarityThreshold;
        var similar = line.Count == 0 ? bestEqual == 0 : bestEqual >= 0 && bestEqual >= threshold * line.Count;
        return similar ? best : null;
    }

    /// <summary>Moves a cluster whose token at a routed position became the wildcard under the wildcard key there.</summary>
    private void Reroute(TemplateCluster cluster)
    {
        _tree.Remove(cluster);
        for (var i = 0; i < cluster.Route.Length; i++)
        {
            if (ReferenceEquals(cluster.Tokens[i], Placeholders.Wildcard))
            {
                cluster.Route[i] = Placeholders.Wildcard;
            }
        }

        _tree.Insert(cluster);
    }

    /// <summary>A new cluster from the line; a variant of another length when its family is given (same id).</summary>
    private TemplateCluster Create(MaskedLine line, TemplateCluster? family = null)
    {
        var tokens = new string[line.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = line[i].ToString();
        }

        var id = family?.Id ?? TemplateIds.For(string.Join(' ', tokens), _families.ContainsKey);
        var cluster = new TemplateCluster(id, tokens, _tree.RouteFor(line), size: 1);
        Register(cluster);
        return cluster;
    }

    private void Register(TemplateCluster cluster)
    {
        _tree.Insert(cluster);
        if (_families.TryGetValue(cluster.Id, out var family))
        {
            family.Add(cluster); // a variant of another length shares its family's id
        }
        else
        {
            _families.Add(cluster.Id, [cluster]);
        }
        _clusters.Add(cluster);
        if (!_byLength.TryGetValue(cluster.Tokens.Length, out var sameLength))
        {
            _byLength.Add(cluster.Tokens.Length, sameLength = []);
        }

        sameLength.Add(cluster);
    }
}
