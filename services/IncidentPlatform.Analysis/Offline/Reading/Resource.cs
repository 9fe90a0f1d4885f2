namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>What an alert measures, as an engineer names it, and the failure it means when it runs out.</summary>
internal enum Resource
{
    None,
    Disk,
    Memory,
    Cpu,
    Threads,
    Connections,
    Latency,
    ServerErrors,
    Queue,
    Requests,
}
