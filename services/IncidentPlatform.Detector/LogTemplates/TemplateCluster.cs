namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// One template: its stable id, its tokens (<see cref="Placeholders.Wildcard"/> where its lines differed) and how many
/// lines it has taken. Owned by one <see cref="TemplateMiner"/> and changed only under that miner's rules.
/// </summary>
internal sealed class TemplateCluster
{
    private string? _text;

    public TemplateCluster(string id, string[] tokens, string[] route, long size)
    {
        Id = id;
        Tokens = tokens;
        Traits = [.. tokens.Select(t => TokenTraits.Of(t))];
        Route = route;
        Size = size;
    }

    /// <summary>Assigned when the cluster is created and never changed (see <see cref="TemplateIds"/>).</summary>
    public string Id { get; }

    public string[] Tokens { get; }

    /// <summary>Per position, what the template's token holds (a wildcard counts as a placeholder).</summary>
    public TokenTraits[] Traits { get; }

    /// <summary>
    /// The keys of the parse-tree nodes this cluster hangs under, kept so a restored tree is the same tree. A key turns
    /// into the wildcard when the template's token there does (<see cref="TemplateMiner"/> moves the cluster).
    /// </summary>
    public string[] Route { get; }

    /// <summary>Whether a routed position holds a wildcard while its route key is still a word.</summary>
    public bool RouteIsStale()
    {
        for (var i = 0; i < Route.Length; i++)
        {
            if (ReferenceEquals(Tokens[i], Placeholders.Wildcard) && Route[i] != Placeholders.Wildcard)
            {
                return true;
            }
        }

        return false;
    }

    public long Size { get; internal set; }

    /// <summary>The template text, tokens joined by single spaces; built again only after the template changed.</summary>
    public string Text => _text ??= string.Join(' ', Tokens);

    /// <summary>
    /// How many positions of a same-length line hold the template's token (Drain's similarity is this over the length;
    /// a wildcard counts as unequal), or -1 when at more than <paramref name="maxWordDifferences"/> positions both tokens
    /// are words and differ (see <see cref="TokenTraitsExtensions"/>). Also returns how many positions are wildcards (the
    /// line fits the template as it is when equal + wildcards is the length) and at how many the words differ.
    /// </summary>
    public int EqualTokens(MaskedLine line, int maxWordDifferences, out int wildcards, out int wordDifferences)
    {
        var same = 0;
        wildcards = 0;
        wordDifferences = 0;
        var tokens = Tokens;

        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (ReferenceEquals(token, Placeholders.Wildcard))
            {
                wildcards++;
            }
            else if (line[i].SequenceEqual(token))
            {
                same++;
            }
            else if (!Traits[i].MayDiffer && !line.Traits(i).MayDiffer && ++wordDifferences > maxWordDifferences)
            {
                return -1;
            }
        }

        return same;
    }

    /// <summary>Replaces every position where the line differs by a wildcard; true when the template changed.</summary>
    public bool Generalize(MaskedLine line)
    {
        var changed = false;
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!ReferenceEquals(Tokens[i], Placeholders.Wildcard) && !line[i].SequenceEqual(Tokens[i]))
            {
                changed = WidenAt(i);
            }
        }

        return changed;
    }

    /// <summary>The same for another template's tokens of the same length (merging replicas' state).</summary>
    public bool Generalize(string[] other)
    {
        var changed = false;
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!ReferenceEquals(Tokens[i], Placeholders.Wildcard) && Tokens[i] != other[i])
            {
                changed = WidenAt(i);
            }
        }

        return changed;
    }

    private bool WidenAt(int position)
    {
        Tokens[position] = Placeholders.Wildcard;
        Traits[position] = TokenTraits.Placeholder;
        _text = null;
        return true;
    }
}
