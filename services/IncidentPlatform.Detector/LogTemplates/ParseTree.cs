namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Drain's fixed-depth tree: the first level is the token count, the next <see cref="TemplateMinerOptions.Depth"/>
/// levels are the leading tokens, the leaves hold the clusters to compare a line with. Variable tokens (a placeholder
/// or a digit) route to the wildcard child, so do tokens once a node has <see cref="TemplateMinerOptions.MaxChildren"/>
/// children, and so does a template once its lines differed at a leading position. A line looks in both the child of
/// its token and the wildcard child, so a template whose first word turned out to vary is still found. Lookups go by
/// span (alternate lookup), so finding the candidates allocates nothing.
/// </summary>
internal sealed class ParseTree(int depth, int maxChildren)
{
    private static readonly List<TemplateCluster> NoClusters = [];
    private readonly Dictionary<int, Node> _byLength = [];

    /// <summary>
    /// The clusters of the one leaf Drain would look in: at each level the child of the line's token, else the wildcard
    /// child. The common case, so it copies nothing.
    /// </summary>
    public List<TemplateCluster> Leaf(MaskedLine line)
    {
        if (!_byLength.TryGetValue(line.Count, out var node))
        {
            return NoClusters;
        }

        var levels = Math.Min(depth, line.Count);
        for (var level = 0; level < levels; level++)
        {
            Node? child = null;
            if (!line.Traits(level).RoutesAsWildcard)
            {
                node.TryGetChild(line[level], out child);
            }

            if (child is null && !node.TryGetChild(Placeholders.Wildcard, out child))
            {
                return NoClusters;
            }

            node = child;
        }

        return node.Clusters;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the clusters of the leaves the line's leading tokens lead to among the templates of
    /// <paramref name="length"/> tokens (the line's own length, or a nearby one for a line whose values made it longer or
    /// shorter than its template).
    /// </summary>
    public void Find(MaskedLine line, int length, List<TemplateCluster> into)
    {
        if (_byLength.TryGetValue(length, out var node))
        {
            Collect(node, line, 0, Math.Min(depth, Math.Min(length, line.Count)), into);
        }
    }

    private static void Collect(Node node, MaskedLine line, int level, int levels, List<TemplateCluster> into)
    {
        if (level == levels)
        {
            into.AddRange(node.Clusters);
            return;
        }

        if (!line.Traits(level).RoutesAsWildcard && node.TryGetChild(line[level], out var child))
        {
            Collect(child, line, level + 1, levels, into);
        }

        if (node.TryGetChild(Placeholders.Wildcard, out var wildcard))
        {
            Collect(wildcard, line, level + 1, levels, into);
        }
    }

    /// <summary>The route a new cluster made from this line takes: one key per level.</summary>
    public string[] RouteFor(MaskedLine line)
    {
        var levels = Math.Min(depth, line.Count);
        var route = new string[levels];
        _byLength.TryGetValue(line.Count, out var node);
        for (var level = 0; level < levels; level++)
        {
            Node? child = null;
            string key;
            if (line.Traits(level).RoutesAsWildcard)
            {
                key = Placeholders.Wildcard;
            }
            else if (node is not null && node.TryGetChild(line[level], out child))
            {
                key = child.Key;
            }
            else
            {
                // Room for a new constant key while the node has fewer than maxChildren children, one of them kept
                // for the wildcard.
                var children = node?.ChildCount ?? 0;
                var hasWildcard = node is not null && node.TryGetChild(Placeholders.Wildcard, out _);
                key = children + (hasWildcard ? 0 : 1) < maxChildren ? line[level].ToString() : Placeholders.Wildcard;
                child = null;
            }

            route[level] = key;
            if (node is not null && child is null)
            {
                node.TryGetChild(key, out child);
            }

            node = child;
        }

        return route;
    }

    public void Insert(TemplateCluster cluster) => Leaf(cluster).Clusters.Add(cluster);

    public void Remove(TemplateCluster cluster) => Leaf(cluster).Clusters.Remove(cluster);

    private Node Leaf(TemplateCluster cluster)
    {
        if (!_byLength.TryGetValue(cluster.Tokens.Length, out var node))
        {
            node = new Node(string.Empty);
            _byLength.Add(cluster.Tokens.Length, node);
        }

        foreach (var key in cluster.Route)
        {
            node = node.GetOrAddChild(key);
        }

        return node;
    }

    private sealed class Node(string key)
    {
        private Dictionary<string, Node>? _children;
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public string Key { get; } = key;

        public List<TemplateCluster> Clusters { get; } = [];

        public int ChildCount => _children?.Count ?? 0;

        public bool TryGetChild(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Node? child)
        {
            child = null;
            return _children is not null && _lookup.TryGetValue(key, out child);
        }

        public Node GetOrAddChild(string key)
        {
            if (_children is null)
            {
                _children = new Dictionary<string, Node>(StringComparer.Ordinal);
                _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (!_children.TryGetValue(key, out var child))
            {
                child = new Node(ReferenceEquals(key, Placeholders.Wildcard) || key == Placeholders.Wildcard ? Placeholders.Wildcard : key);
                _children.Add(child.Key, child);
            }

            return child;
        }
    }
}
