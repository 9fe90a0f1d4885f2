namespace IncidentPlatform.Testing;

/// <summary>
/// Polls, bounded and in real time, until a condition holds: for effects that travel over the bus or happen in
/// background services. Fails with what it waited for and the last value read.
/// </summary>
public static class Eventually
{
    /// <summary>How long a wait lasts unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Reads until <paramref name="done"/> holds for the value read, and returns that value.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string? what = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var last = await read();
            if (Holds(done, last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not in time: {what ?? "the condition"}; last value: {last}");
            }

            await Task.Delay(20);
        }
    }

    // A reply of another shape than the condition reads (a problem document from a service still starting, so a JSON
    // property or index that is not there) means "not yet", like any other value that does not satisfy it.
    private static bool Holds<T>(Func<T, bool> done, T value)
    {
        try
        {
            return done(value);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(() => Task.FromResult(condition()), holds => holds, what, timeout);
}
