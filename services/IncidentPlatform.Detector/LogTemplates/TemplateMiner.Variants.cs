namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Lines whose values take a different number of tokens than their template's (an optional value, a size printed as
/// "451" in one line and "18846 (18.4 KB)" in the next). Drain keys its tree by token count, so such a line would start
/// a new template. Instead, before starting one, the miner aligns the line with the templates of nearby lengths that
/// the same leading tokens lead to, allowing only <em>value</em> tokens (those that may differ) to be inserted or
/// dropped; when the alignment is similar enough the line joins that template as a <em>variant</em> of its own length,
/// with the same id.
/// </summary>
internal sealed partial class TemplateMiner
{
    private const int MaxLengthDifference = 3;
    private const int MaxAlignedTokens = 64;

    private readonly int[] _scores = new int[(MaxAlignedTokens + 1) * (MaxAlignedTokens + 1 + MaxLengthDifference)];

    private TemplateCluster? FindVariantFamily(MaskedLine line)
    {
        if (line.Count == 0 || line.Count > MaxAlignedTokens)
        {
            return null;
        }

        TemplateCluster? best = null;
        var bestSimilarity = 0.0;
        for (var delta = 1; delta <= MaxLengthDifference; delta++)
        {
            foreach (var length in (ReadOnlySpan<int>)[line.Count - delta, line.Count + delta])
            {
                if (length <= 0 || length > MaxAlignedTokens)
                {
                    continue;
                }

                _candidates.Clear();
                _tree.Find(line, length, _candidates);
                foreach (var cluster in _candidates)
                {
                    var similarity = (double)Align(line, cluster) / Math.Max(line.Count, length);
                    if (similarity > bestSimilarity)
                    {
                        best = cluster;
                        bestSimilarity = similarity;
                    }
                }
            }
        }

        return bestSimilarity >= Options.SimilarityThreshold ? best : null;
    }

    /// <summary>
    /// The most equal tokens of an alignment of the line with the template in which only tokens that may differ are
    /// inserted, dropped or replaced (a global alignment, by dynamic programming); -1 when there is none.
    /// </summary>
    private int Align(MaskedLine line, TemplateCluster cluster)
    {
        const int None = -1;
        var n = line.Count;
        var m = cluster.Tokens.Length;
        var width = m + 1;
        var scores = _scores;
        scores[0] = 0;
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                if (i == 0 && j == 0)
                {
                    continue;
                }

                var best = None;
                if (i > 0 && j > 0 && scores[((i - 1) * width) + j - 1] != None)
                {
                    var equal = !ReferenceEquals(cluster.Tokens[j - 1], Placeholders.Wildcard) && line[i - 1].SequenceEqual(cluster.Tokens[j - 1]);
                    if (equal || MayDiffer(line, i - 1, cluster, j - 1))
                    {
                        best = scores[((i - 1) * width) + j - 1] + (equal ? 1 : 0);
                    }
                }

                if (i > 0 && line.Traits(i - 1).MayDiffer && scores[((i - 1) * width) + j] > best)
                {
                    best = scores[((i - 1) * width) + j];
                }

                if (j > 0 && cluster.Traits[j - 1].MayDiffer && scores[(i * width) + j - 1] > best)
                {
                    best = scores[(i * width) + j - 1];
                }

                scores[(i * width) + j] = best;
            }
        }

        return scores[(n * width) + m];
    }

    // Stricter than for lines of equal length: with tokens shifting, only a value may stand against a value.
    private static bool MayDiffer(MaskedLine line, int i, TemplateCluster cluster, int j) =>
        line.Traits(i).MayDiffer && cluster.Traits[j].MayDiffer;
}
