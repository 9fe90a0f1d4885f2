using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>The failure a resource means when it runs out.</summary>
internal static class ResourceCategories
{
    /// <summary>The category of a resource that is exhausted or far past its threshold.</summary>
    public static string? Category(this Resource resource) => resource switch
    {
        Resource.Disk => AnalysisCategories.DiskFull,
        Resource.Memory => AnalysisCategories.OutOfMemory,
        Resource.Cpu or Resource.Threads => AnalysisCategories.ResourceSaturation,
        Resource.Connections => AnalysisCategories.ConnectionPoolExhaustion,
        Resource.Latency => AnalysisCategories.Timeout,
        Resource.ServerErrors => AnalysisCategories.UpstreamError,
        Resource.Queue or Resource.Requests => AnalysisCategories.TrafficSurge,
        _ => null,
    };
}
