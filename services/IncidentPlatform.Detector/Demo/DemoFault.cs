namespace IncidentPlatform.Detector.Demo;

/// <summary>One kind of failure the demo injects: the service it hits and the records it writes while it lasts.</summary>
internal sealed record DemoFault(string Name, string Service, string Summary, IReadOnlyList<Func<Random, DateTimeOffset, string>> Records)
{
    public string Next(Random random, DateTimeOffset at) => Records[random.Next(Records.Count)](random, at);
}
