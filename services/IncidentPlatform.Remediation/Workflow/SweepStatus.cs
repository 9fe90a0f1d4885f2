namespace IncidentPlatform.Remediation.Workflow;

/// <summary>When the sweeper last completed a sweep, for the health check.</summary>
internal sealed class SweepStatus
{
    private long _lastSuccessTicks;

    /// <summary>The last completed sweep, or null before the first.</summary>
    public DateTimeOffset? LastSuccess
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSuccessTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The last sweep's error, if it failed.</summary>
    public string? LastError { get; private set; }

    /// <summary>Records a completed sweep.</summary>
    public void Succeeded(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastSuccessTicks, at.UtcTicks);
        LastError = null;
    }

    /// <summary>Records a failed sweep.</summary>
    public void Failed(string error) => LastError = error;
}
