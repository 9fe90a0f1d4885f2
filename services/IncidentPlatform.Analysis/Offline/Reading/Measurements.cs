namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// Reads the numbers of a line against what they measure, as an engineer does: a value of a resource and the threshold
/// or the usual value it is compared with (<c>/var/log is 93% full (threshold 80%)</c>, <c>CPUUtilization &gt; 85</c>,
/// <c>CPUCreditBalance 0.4 (threshold 5)</c>, <c>5.8x above baseline</c>), an alert that states a breach without the value
/// (<c>Disk usage above 80%</c>), or a resource with a word that says it ran out (<c>all threads are busy</c>).
/// </summary>
internal static class Measurements
{
    private const int Before = 6;
    private const int After = 3;

    private static readonly HashSet<string> AboveWords = new(StringComparer.Ordinal) { "above", "over", "exceeds", "exceeded", "exceeding", "greater", "higher", "more" };
    private static readonly HashSet<string> BelowWords = new(StringComparer.Ordinal) { "below", "under", "less", "lower", "fewer" };
    private static readonly HashSet<string> UsualWords = new(StringComparer.Ordinal) { "usual", "normal", "baseline", "typical", "expected", "forecast", "average" };
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "the", "of", "than", "or", "equal", "to", "is", "a", "its", "at", "limit" };

    // Words that say a resource ran out, and how clearly.
    private static readonly Dictionary<string, double> StateWords = new(StringComparer.Ordinal)
    {
        ["full"] = 0.8, ["exhausted"] = 0.9, ["saturated"] = 0.8, ["maxed"] = 0.8, ["busy"] = 0.8, ["pegged"] = 0.8,
        ["starved"] = 0.8, ["depleted"] = 0.8, ["record"] = 0.8, ["spike"] = 0.7, ["surge"] = 0.8, ["high"] = 0.6,
        ["filling"] = 0.8, ["critical"] = 0.6,
    };

    private enum Relation
    {
        None,
        Above,
        Below,
        Threshold,
        Usual,
    }

    /// <summary>The measurements of a line, with how clearly each resource is past its limit.</summary>
    public static IReadOnlyList<Measurement> Read(Words words)
    {
        var result = new List<Measurement>();
        var relations = new Relation[words.Count];
        double? threshold = null;
        double? usual = null;
        for (var k = 0; k < words.Count; k++)
        {
            if (words[k].Kind == WordKind.Number)
            {
                relations[k] = RelationOf(words, k);
                if (relations[k] is Relation.Above or Relation.Below or Relation.Threshold)
                {
                    threshold ??= words[k].Value;
                }
                else if (relations[k] == Relation.Usual)
                {
                    usual ??= words[k].Value;
                }
            }
        }

        for (var k = 0; k < words.Count; k++)
        {
            // "idle=0" far from the pool it counts ("HikariPool-1 - Pool stats (total=30, active=30, idle=0, …)").
            if (words[k].Kind != WordKind.Number || (Nearest(words, k) ?? (NoneLeft(words, k) ? First(words) : null)) is not { } r)
            {
                continue;
            }

            var resource = ResourceWords.At(words, r);
            var low = ResourceWords.LowIsWorse(words, Math.Min(r, k) - 2, Math.Max(r, k) + 2);
            var subject = Subject(words, k);
            var value = words[k];
            if (relations[k] is Relation.Above or Relation.Below)
            {
                // An alert that states the breach: "Disk usage above 80%", "CPUUtilization > 85".
                var breach = relations[k] == Relation.Below == low;
                result.Add(new Measurement(resource, null, value.Percent, value.Value, low, breach ? 0.9 : 0, subject));
            }
            else if (relations[k] == Relation.None)
            {
                result.Add(new Measurement(resource, value.Value, value.Percent, threshold ?? usual, low,
                    Strength(words, k, value, resource, low, threshold, usual), subject));
            }
        }

        foreach (var (r, strength) in States(words))
        {
            result.Add(new Measurement(ResourceWords.At(words, r), null, false, null, false, strength, null));
        }

        return result;
    }

    private static double Strength(Words words, int k, Word value, Resource resource, bool low, double? threshold, double? usual)
    {
        if (Multiplier(words, k) is { } times)
        {
            return times >= 3 ? 0.9 : times >= 2 ? 0.6 : 0;
        }

        if (threshold is { } t)
        {
            return (low ? value.Value <= t : value.Value >= t) ? 1.0 : 0;
        }

        if (usual is { } u && u > 0)
        {
            var ratio = low ? u / Math.Max(value.Value, 1e-9) : value.Value / u;
            return ratio >= 3 ? 0.9 : ratio >= 2 ? 0.6 : 0;
        }

        if (!value.Percent)
        {
            return OfItsMaximum(words, k) || NoneLeft(words, k) ? 0.9 : 0;
        }

        // A percentage of a capacity says how full it is; of requests or errors it is a share ("100% of traffic").
        if (resource is not (Resource.Disk or Resource.Memory or Resource.Cpu or Resource.Threads or Resource.Connections))
        {
            return 0;
        }

        return low ? (value.Value <= 10 ? 0.8 : 0) : value.Value >= 90 ? 0.8 : value.Value >= 80 ? 0.5 : 0;
    }

    /// <summary><c>idle=0</c>, <c>available 0</c>: none of the resource left.</summary>
    private static bool NoneLeft(Words words, int k) =>
        words[k].Value == 0 && k > 0 && words[k - 1].Text is "idle" or "available" or "free" or "remaining" or "left";

    /// <summary>How a number relates to the measurement: a threshold, a usual value, a stated breach, or a value.</summary>
    private static Relation RelationOf(Words words, int k)
    {
        for (var i = k - 1; i >= Math.Max(0, k - 4); i--)
        {
            var word = words[i];
            if (word.Kind == WordKind.Sign)
            {
                return word.Text[0] is '>' or '≥' ? Relation.Above : Relation.Below;
            }

            if (word.Kind != WordKind.Letters)
            {
                return Relation.None;
            }

            if (word.Text == "threshold")
            {
                return Relation.Threshold;
            }

            if (UsualWords.Contains(word.Text) || (i > 0 && UsualWords.Contains(words[i - 1].Text) && (AboveWords.Contains(word.Text) || BelowWords.Contains(word.Text))))
            {
                return Relation.Usual;
            }

            if (AboveWords.Contains(word.Text))
            {
                return Relation.Above;
            }

            if (BelowWords.Contains(word.Text))
            {
                return Relation.Below;
            }

            if (!Filler.Contains(word.Text))
            {
                return Relation.None;
            }
        }

        return Relation.None;
    }

    /// <summary>The resource word nearest to the number: before it first (what is measured usually comes first).</summary>
    private static int? Nearest(Words words, int k)
    {
        for (var d = 1; d <= Before; d++)
        {
            if (k - d >= 0 && ResourceWords.At(words, k - d) != Resource.None)
            {
                return k - d;
            }

            if (d <= After && k + d < words.Count && ResourceWords.At(words, k + d) != Resource.None)
            {
                return k + d;
            }
        }

        return null;
    }

    private static int? First(Words words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (ResourceWords.At(words, i) is Resource.Connections or Resource.Threads)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary><c>5.8x above baseline</c>, <c>40x the usual</c>: the multiple of the usual value, when the line says so.</summary>
    private static double? Multiplier(Words words, int k)
    {
        var next = k + 1;
        if (!words.Is(next, "x") && !words.Is(next, "times"))
        {
            return null;
        }

        for (var i = next + 1; i < Math.Min(words.Count, next + 4); i++)
        {
            if (UsualWords.Contains(words[i].Text))
            {
                return words[k].Value;
            }
        }

        return null;
    }

    /// <summary><c>active 40 of 40</c>, <c>30/30 connections</c>: a count at its maximum.</summary>
    private static bool OfItsMaximum(Words words, int k) =>
        words.Is(k + 1, "of") && k + 2 < words.Count && words[k + 2].Kind == WordKind.Number && words[k + 2].Value > 0 &&
        words[k + 2].Value == words[k].Value;

    private static string? Subject(Words words, int k)
    {
        for (var i = Math.Max(0, k - Before); i < Math.Min(words.Count, k + After + 1); i++)
        {
            if (words[i].Kind == WordKind.Path)
            {
                return words[i].Text;
            }
        }

        return null;
    }

    /// <summary>Resources with a word that says they ran out: <c>all threads are busy</c>, <c>disk almost full</c>.</summary>
    private static IEnumerable<(int Resource, double Strength)> States(Words words)
    {
        for (var r = 0; r < words.Count; r++)
        {
            var resource = ResourceWords.At(words, r);
            if (resource == Resource.None)
            {
                continue;
            }

            var best = 0.0;
            for (var i = Math.Max(0, r - 3); i < Math.Min(words.Count, r + 5); i++)
            {
                var text = words[i].Text;
                var strength = StateWords.GetValueOrDefault(text);
                if (text is "out" && (words.Is(i + 1, "of") || words.Is(i - 1, "running")))
                {
                    strength = 0.8;
                }
                else if (text is "low" && ResourceWords.LowIsWorse(words, r - 2, r + 2))
                {
                    strength = 0.7;
                }
                else if (text is "throttling" or "throttled" && resource == Resource.Cpu)
                {
                    strength = 0.8;
                }

                best = Math.Max(best, strength);
            }

            if (best > 0)
            {
                yield return (r, best);
            }
        }
    }
}
