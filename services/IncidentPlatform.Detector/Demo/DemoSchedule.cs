namespace IncidentPlatform.Detector.Demo;

/// <summary>Which fault is on at a given time: the first soon after start, then one every interval, in rotation.</summary>
internal sealed class DemoSchedule(DateTimeOffset start, DemoOptions options)
{
    /// <summary>The fault in progress, or null between faults.</summary>
    public DemoFault? At(DateTimeOffset now)
    {
        var sinceFirst = now - start - options.FirstFaultAfter;
        if (sinceFirst < TimeSpan.Zero)
        {
            return null;
        }

        var index = (long)(sinceFirst / options.FaultInterval);
        var into = sinceFirst - (index * options.FaultInterval);
        return into < options.FaultDuration ? DemoFaults.All[(int)(index % DemoFaults.All.Count)] : null;
    }
}
