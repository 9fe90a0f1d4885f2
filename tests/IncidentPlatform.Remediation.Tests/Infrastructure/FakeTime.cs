namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>A clock that moves only when told to. Timers still run on real time (the tests drive sweeps themselves).</summary>
internal sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <summary>A Wednesday, 10:00 UTC.</summary>
    public static DateTimeOffset Wednesday10 { get; } = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public FakeTime()
        : this(Wednesday10)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
