using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// A metric alarm the demo raises with a fault, shaped as a CloudWatch alarm posted to <c>/api/alerts</c> would be (the
/// labels the sample remediation policy matches): the demo's stand-in for a monitoring system beside its logs.
/// </summary>
internal sealed record DemoAlarm(string Name, string Title, string Message, Severity Severity, IReadOnlyDictionary<string, string> Labels)
{
    public const string Source = "cloudwatch";

    /// <summary>The alert of this alarm firing at <paramref name="at"/> for the <paramref name="occurrence"/>-th fault.</summary>
    public Alert ToAlert(string service, long occurrence, DateTimeOffset at) => new()
    {
        Id = Ids.FromKey("alt", $"demo\n{Name}\n{occurrence}\n{at:O}"),
        Source = Source,
        Title = Title,
        Message = Message,
        Severity = Severity,
        Timestamp = at,
        Service = service,
        Labels = new Dictionary<string, string>(Labels) { ["alarmName"] = Name, ["demo"] = "true" },
        Fingerprint = $"arn:aws:cloudwatch:eu-west-1:000000000000:alarm:{Name}",
        ReceivedAt = at,
    };
}
