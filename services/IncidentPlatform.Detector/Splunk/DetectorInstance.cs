using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>This replica's name as a lease owner: unique per process, readable in logs.</summary>
internal sealed class DetectorInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Ids.New("det")}";
}
