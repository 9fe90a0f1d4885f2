namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// How well a parse groups lines compared with the truth. Grouping accuracy (GA, Zhu et al. 2019): a line is right
/// when the set of lines in its parsed group is exactly the set of lines in its true group; GA is the share of lines
/// that are right. Pairwise F1: precision and recall over the pairs of lines put in one group.
/// </summary>
public sealed record GroupingScore(int Lines, double GroupingAccuracy, double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <param name="truth">The true group of each line (e.g. its EventId).</param>
    /// <param name="parsed">The parsed group of each line (e.g. its template id), in the same order.</param>
    public static GroupingScore Compute(IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        if (truth.Count != parsed.Count)
        {
            throw new ArgumentException($"{truth.Count} true groups but {parsed.Count} parsed ones.", nameof(parsed));
        }

        var trueSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var parsedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var both = new Dictionary<(string Parsed, string Truth), long>();
        for (var i = 0; i < truth.Count; i++)
        {
            Increment(trueSizes, truth[i]);
            Increment(parsedSizes, parsed[i]);
            Increment(both, (parsed[i], truth[i]));
        }

        // A parsed group is right when it meets one true group only and holds all of it.
        var correct = 0L;
        var truthsPerParsed = both.Keys.GroupBy(k => k.Parsed).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var ((parsedGroup, trueGroup), count) in both)
        {
            if (truthsPerParsed[parsedGroup] == 1 && count == trueSizes[trueGroup])
            {
                correct += count;
            }
        }

        var samePairs = both.Values.Sum(Pairs);
        var parsedPairs = parsedSizes.Values.Sum(Pairs);
        var truePairs = trueSizes.Values.Sum(Pairs);
        // With no pairs on a side nothing was wrongly paired (precision) or left out (recall).
        var precision = parsedPairs == 0 ? 1.0 : (double)samePairs / parsedPairs;
        var recall = truePairs == 0 ? 1.0 : (double)samePairs / truePairs;
        return new GroupingScore(truth.Count, truth.Count == 0 ? 1.0 : (double)correct / truth.Count, precision, recall);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
    {
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
