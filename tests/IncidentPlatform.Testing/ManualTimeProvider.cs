using System.Collections.Concurrent;

namespace IncidentPlatform.Testing;

/// <summary>
/// A clock the test sets or moves by hand. Timers and delays still run on real time (the code under test waits
/// briefly, or the test drives its loops itself); every timer's due time is recorded, so a test can see how long the
/// code asked to wait without measuring it.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private long _ticks = start.UtcTicks;

    /// <summary>The due times of every timer created (Task.Delay, PeriodicTimer), in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays => [.. _delays];

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>Sets the clock to <paramref name="at"/>.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);
}
