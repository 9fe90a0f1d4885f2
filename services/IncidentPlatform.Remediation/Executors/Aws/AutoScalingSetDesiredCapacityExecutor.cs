using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Catalog.Schemas;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// Auto Scaling <c>SetDesiredCapacity</c> (Query protocol, version 2011-01-01), after reading the group with
/// <c>DescribeAutoScalingGroups</c> so the step from the current capacity is checked against the policy's maxStep.
/// A dry run sends nothing, not even the read: it records the change it would request.
/// </summary>
internal sealed class AutoScalingSetDesiredCapacityExecutor(AwsClient client) : AwsActionExecutor(client)
{
    private const string Version = "2011-01-01";
    private static readonly AutoScalingSetDesiredCapacitySchema Schema = new();

    /// <inheritdoc />
    public override string ActionId => CatalogActions.AutoScalingSetDesiredCapacity;

    /// <inheritdoc />
    public override async Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken)
    {
        if (run.DryRun)
        {
            return await base.ExecuteAsync(run, cancellationToken);
        }

        var group = run.Parameter("group")!;
        var describe = AwsRequest.Query("autoscaling", "DescribeAutoScalingGroups", Version,
            [new("AutoScalingGroupNames.member.1", group)], idempotent: true);
        string record;
        (long Desired, long Min, long Max)? current;
        try
        {
            record = Client.Describe(describe);
            current = ReadGroup(await Client.SendAsync(describe, cancellationToken), group);
        }
        catch (AwsCallException e)
        {
            return ActionOutcome.Failed(null, e.Message);
        }
        catch (XmlException e)
        {
            return ActionOutcome.Failed(null, $"DescribeAutoScalingGroups answer could not be read: {e.Message}");
        }

        if (current is not { } capacity)
        {
            return ActionOutcome.Failed(record, $"Auto Scaling group '{group}' not found");
        }

        var desired = long.Parse(run.Parameter("desired")!, CultureInfo.InvariantCulture);
        var refusal = Schema.CheckStep(capacity.Desired, desired, run.Bounds) ??
                      (desired < capacity.Min || desired > capacity.Max
                          ? $"desired capacity {desired} is outside the group's own {capacity.Min}..{capacity.Max}"
                          : null);
        if (refusal is not null)
        {
            return ActionOutcome.Failed(record, refusal, $"current desired capacity {capacity.Desired}");
        }

        var outcome = await base.ExecuteAsync(run, cancellationToken);
        return outcome with
        {
            Request = record + "\n\n" + outcome.Request,
            Output = $"desired capacity {capacity.Desired} → {desired}" + (outcome.Output is null ? "" : $"; {outcome.Output}"),
        };
    }

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) => AwsRequest.Query("autoscaling", "SetDesiredCapacity", Version,
        [
            new("AutoScalingGroupName", run.Parameter("group")!),
            new("DesiredCapacity", run.Parameter("desired")!),
            new("HonorCooldown", run.Parameter("honorCooldown") ?? "true"),
        ],
        idempotent: false);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request)
    {
        var requestId = XDocument.Parse(response.Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        return ActionOutcome.Succeeded(request, $"request {requestId}");
    }

    private static (long, long, long)? ReadGroup(AwsResponse response, string group)
    {
        var member = XDocument.Parse(response.Body).Descendants()
            .Where(e => e.Name.LocalName == "member")
            .FirstOrDefault(m => Child(m, "AutoScalingGroupName") == group);
        if (member is null)
        {
            return null;
        }

        return (Number(member, "DesiredCapacity"), Number(member, "MinSize"), Number(member, "MaxSize"));
    }

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static long Number(XElement member, string name) =>
        long.TryParse(Child(member, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new XmlException($"the group has no {name}");
}
