using System.Collections.Concurrent;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>
/// A clock the test sets. Timers and delays still run on real time (they are short in these tests); every timer's due
/// time is recorded, so a test can see how long the code asked to wait without measuring it.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private long _ticks = start.UtcTicks;

    /// <summary>The due times of every timer created (Task.Delay, PeriodicTimer), in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays => [.. _delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);
}
