using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// Reads AWS resource names from an incident's labels, whatever the source spelled them as (CloudWatch dimensions,
/// Alertmanager labels, generic webhook fields). It only reports what the labels say; nothing is guessed.
/// </summary>
internal sealed partial class LabelReader
{
    private readonly Dictionary<string, string> _labels;
    private readonly bool _ecsHint;

    private readonly IReadOnlyList<string> _derivedInstances;

    /// <param name="labels">The labels the senders set.</param>
    /// <param name="derived">Values read from the alerts' text; only its instance ids are used, when the labels name none.</param>
    public LabelReader(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? derived = null)
    {
        _derivedInstances = derived?.GetValueOrDefault("instance_ids")?.Split(',') ?? [];
        _labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                _labels.TryAdd(Key(key), value.Trim());
            }
        }

        // Generic names (ClusterName, ServiceName) are ECS's only when something says ECS: CloudWatch's AWS/ECS
        // namespace, an ECS ARN, an ecs-prefixed label.
        _ecsHint = labels.Any(l => l.Key.Contains("ecs", StringComparison.OrdinalIgnoreCase) ||
                                   l.Value.Contains("AWS/ECS", StringComparison.OrdinalIgnoreCase) ||
                                   l.Value.Contains("ECS/ContainerInsights", StringComparison.OrdinalIgnoreCase) ||
                                   l.Value.Contains("arn:aws:ecs:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ECS cluster and service, when the labels name both.</summary>
    public (string Cluster, string Service)? EcsService()
    {
        var arn = _labels.Values.Select(v => EcsServiceArn().Match(v)).FirstOrDefault(m => m.Success);
        if (arn is not null)
        {
            return (arn.Groups["cluster"].Value, arn.Groups["service"].Value);
        }

        var cluster = First("ecscluster", "ecsclustername", "awsecsclustername") ?? (_ecsHint ? First("clustername", "cluster") : null);
        var service = First("ecsservice", "ecsservicename", "awsecsservicename") ?? (_ecsHint ? First("servicename") : null);
        return cluster is not null && service is not null && Plain(cluster) && Plain(service) ? (cluster, service) : null;
    }

    /// <summary>The Auto Scaling group's name, with its desired and maximum capacity when the labels give them.</summary>
    public (string Name, int? Desired, int? Max)? AutoScalingGroup()
    {
        var name = First("autoscalinggroupname", "autoscalinggroup", "asg", "asgname", "awsautoscalinggroupname");
        return name is null || !Plain(name)
            ? null
            : (name, Number("groupdesiredcapacity", "desiredcapacity", "asgdesiredcapacity"), Number("groupmaxsize", "maxsize", "asgmaxsize"));
    }

    /// <summary>EC2 instance ids named by the labels, or else by the alerts' text.</summary>
    public IReadOnlyList<string> InstanceIds()
    {
        IReadOnlyList<string> labelled = [.. _labels.Values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries))
            .Where(v => InstanceId().IsMatch(v)).Distinct().Order(StringComparer.Ordinal)];
        return labelled.Count > 0 ? labelled : [.. _derivedInstances.Where(v => InstanceId().IsMatch(v))];
    }

    private string? First(params string[] keys) =>
        keys.Select(k => _labels.GetValueOrDefault(k)).FirstOrDefault(v => v is not null);

    private int? Number(params string[] keys) =>
        int.TryParse(First(keys), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool Plain(string value) => PlainName().IsMatch(value);

    private static string Key(string key) => new([.. key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"^i-[0-9a-f]{8,17}$")]
    private static partial Regex InstanceId();

    [GeneratedRegex(@"^[A-Za-z0-9._:/\-]{1,255}$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"arn:aws:ecs:[a-z0-9-]+:\d{12}:service/(?<cluster>[A-Za-z0-9_-]+)/(?<service>[A-Za-z0-9_-]+)")]
    private static partial Regex EcsServiceArn();
}
