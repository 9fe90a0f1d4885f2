using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPlatform.Testing.Evaluation;

namespace IncidentPlatform.Bench.Analysis;

/// <summary>
/// The incidents of an alert storm, made from the evaluation corpus: many incidents of a few failures, each seen on
/// another host with other numbers (the same normalized fingerprint), mixed with distinct failures, in random order.
/// </summary>
internal static partial class StormIncidents
{
    public static IReadOnlyList<(CorpusScenario Scenario, bool Repeated)> Create(
        IReadOnlyList<CorpusScenario> corpus, int incidents, int storms, int distinct, int seed)
    {
        var random = new Random(seed);
        var candidates = corpus.Where(s => !s.Adversarial && s.Expected.Category != "unknown").OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var repeated = candidates.Take(storms).ToList();
        var result = new List<(CorpusScenario, bool)>(incidents);
        for (var i = 0; i < incidents - distinct; i++)
        {
            result.Add((Vary(repeated[i % repeated.Count], random), true));
        }

        for (var i = 0; i < distinct; i++)
        {
            var scenario = Vary(candidates[random.Next(candidates.Count)], random);
            result.Add((scenario with { Id = $"{scenario.Id}-distinct-{i}", Service = $"distinct-svc-{i}" }, false));
        }

        return [.. result.OrderBy(_ => random.Next())];
    }

    /// <summary>The same failure seen again elsewhere: every free-standing number (a duration, a count, a percentage, an
    /// address part) is measured again, within ±10%; names like <c>p99</c> stay.</summary>
    private static CorpusScenario Vary(CorpusScenario scenario, Random random)
    {
        string V(string text) => Number().Replace(text, m =>
        {
            var value = double.Parse(m.Value, CultureInfo.InvariantCulture) * (0.9 + random.NextDouble() * 0.2);
            var decimals = m.Value.Contains('.', StringComparison.Ordinal) ? m.Value.Length - m.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            return Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        });
        return scenario with
        {
            Labels = scenario.Labels.ToDictionary(l => l.Key, l => l.Value),
            Alerts = [.. scenario.Alerts.Select(a => a with { Title = V(a.Title), Message = a.Message is null ? null : V(a.Message) })],
            Signals = [.. scenario.Signals.Select(s => s with { Samples = [.. s.Samples.Select(V)], Count = s.Count + random.Next(0, 500) })],
        };
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9<.])\d+(\.\d+)?(?![A-Za-z0-9])")]
    private static partial Regex Number();
}
