namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// Which faults are on at a given time. The first two come quickly (<see cref="DemoOptions.FirstFaultAfter"/> and
/// <see cref="DemoOptions.SecondFaultAfter"/>) so a first run shows the whole loop within its first two minutes; from the
/// second on, one starts every <see cref="DemoOptions.FaultInterval"/>, in rotation. Faults may overlap.
/// </summary>
internal sealed class DemoSchedule(DateTimeOffset start, DemoOptions options)
{
    /// <summary>When the <paramref name="occurrence"/>-th fault (from 0) starts.</summary>
    public DateTimeOffset StartOf(long occurrence) => occurrence == 0
        ? start + options.FirstFaultAfter
        : start + options.SecondFaultAfter + ((occurrence - 1) * options.FaultInterval);

    /// <summary>The fault of an occurrence (the list in rotation).</summary>
    public static DemoFault FaultOf(long occurrence) => DemoFaults.All[(int)(occurrence % DemoFaults.All.Count)];

    /// <summary>The occurrences in progress at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<long> Active(DateTimeOffset now)
    {
        var active = new List<long>(2);
        var latest = Latest(now);
        for (var occurrence = Math.Max(0, latest - 2); occurrence <= latest; occurrence++)
        {
            var from = StartOf(occurrence);
            if (from <= now && now < from + options.FaultDuration)
            {
                active.Add(occurrence);
            }
        }

        return active;
    }

    // The last occurrence started by now (-1 before the first).
    private long Latest(DateTimeOffset now)
    {
        if (now < StartOf(0))
        {
            return -1;
        }

        return now < StartOf(1) ? 0 : 1 + (long)((now - StartOf(1)) / options.FaultInterval);
    }
}
