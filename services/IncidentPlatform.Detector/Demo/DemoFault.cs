namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// One kind of failure the demo injects: the service it hits, the records it writes while it lasts, and the alarm a
/// monitoring system raises when it starts (none for faults only the logs show).
/// </summary>
internal sealed record DemoFault(
    string Name, string Service, string Summary, IReadOnlyList<Func<Random, DateTimeOffset, string>> Records, DemoAlarm? Alarm = null)
{
    public string Next(Random random, DateTimeOffset at) => Records[random.Next(Records.Count)](random, at);
}
