using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// Labels an engineer would write down from the alert's own text (<c>/var/log is 93% full on i-0abc… (threshold 80%)</c>):
/// the instance, the resource's use in percent, the threshold, the path, the queue, the HTTP status, the exit code. Read
/// from alert titles and messages only — what the sender wrote, as trusted as its labels — never from log lines, where
/// anyone whose input reaches a log could plant a name.
/// </summary>
internal static partial class DerivedValues
{
    public static IReadOnlyDictionary<string, string> From(IncidentContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var alertLines = context.Lines.Where(l => l.Kind is LineKinds.AlertTitle or LineKinds.AlertMessage).ToList();
        var instances = alertLines.SelectMany(l => InstanceId().Matches(l.Text).Select(m => m.Value)).Distinct().ToList();
        if (instances.Count > 0)
        {
            values["instance_id"] = instances[0];
            values["instance_ids"] = string.Join(',', instances);
        }

        foreach (var line in alertLines)
        {
            var words = Words.Of(line.Text);
            Measured(Measurements.Read(words), values);
            foreach (var (_, name, value) in StatusCodes.Read(words))
            {
                values.TryAdd(name, value);
            }

            if (Queue().Match(line.Text) is { Success: true } queue)
            {
                values.TryAdd("queue", queue.Groups["name"].Value);
            }
        }

        return values;
    }

    /// <summary>The clearest measurement of a capacity: its use in percent, the threshold, the path it is about.</summary>
    private static void Measured(IReadOnlyList<Measurement> measurements, Dictionary<string, string> values)
    {
        foreach (var m in measurements.Where(m => m.Strength > 0).OrderByDescending(m => m.Strength))
        {
            var name = m.Resource switch
            {
                Resource.Disk => "disk",
                Resource.Memory => "memory",
                Resource.Cpu => "cpu",
                _ => null,
            };
            if (name is not null && m.Value is { } value && m.Percent)
            {
                values.TryAdd($"{name}_used_percent", Format(m.LowIsWorse ? 100 - value : value));
            }

            if (m.Threshold is { } threshold)
            {
                values.TryAdd(m.Percent || m.Value is null ? "threshold_percent" : "threshold", Format(threshold));
            }

            if (m.Subject is { } path)
            {
                values.TryAdd("path", path);
            }
        }
    }

    private static string Format(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\bi-[0-9a-f]{8,17}\b", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();

    [GeneratedRegex(@"\bqueue(?: ?name)?[\s:=]+['""]?(?!(depth|backlog|length|size|is|full|lag|for|of|the|on|age)\b)(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,79})|(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,79}) (ApproximateNumberOfMessages|ApproximateAgeOfOldestMessage)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex Queue();
}
