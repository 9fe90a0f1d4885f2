using System.Globalization;

namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// One point of the grid the template miner's settings are chosen from by <see cref="LeaveOneOut"/> (the bench's
/// <c>template-loo</c> and the accuracy test share it). The tree depth is not among them: it indexes the templates and
/// changes the speed, not the grouping.
/// </summary>
/// <param name="Similarity">The least share of equal positions to join a template.</param>
/// <param name="WordDifferences">At how many positions a line may hold another word than its template.</param>
/// <param name="WordSimilarity">The least share of equal positions for a line that differs in a word.</param>
public sealed record MinerSettings(double Similarity, int WordDifferences, double WordSimilarity)
{
    private static readonly double[] Similarities = [0.3, 0.4, 0.5, 0.6, 0.7];
    private static readonly int[] Differences = [0, 1, 2];
    private static readonly double[] WordSimilarities = [0.6, 0.7, 0.75, 0.8, 0.9];

    /// <summary>The grid, in a fixed order (ascending values).</summary>
    public static IReadOnlyList<MinerSettings> Grid { get; } =
    [
        .. from similarity in Similarities
           from words in Differences
           // With no word differences allowed their threshold means nothing: one point.
           from wordSimilarity in words == 0 ? [1.0] : WordSimilarities
           select new MinerSettings(similarity, words, wordSimilarity),
    ];

    public static string DescribeGrid() =>
        $"similarity {Join(Similarities)}, word differences {string.Join('/', Differences)}, word similarity {Join(WordSimilarities)}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"similarity {Similarity:0.##} words {WordDifferences} wordsim {WordSimilarity:0.##}");

    private static string Join(double[] values) => string.Join('/', values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
}
