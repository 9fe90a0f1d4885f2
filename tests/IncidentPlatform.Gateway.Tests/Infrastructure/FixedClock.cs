namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>A clock standing still at a given time (timers still run on real time).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
