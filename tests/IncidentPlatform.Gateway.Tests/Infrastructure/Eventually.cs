namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Polls until a condition holds, for effects that travel over the bus; fails with the last value otherwise.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T last;
        while (true)
        {
            last = await read();
            if (done(last) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        done(last).ShouldBeTrue($"Condition not met in time; last value: {last}");
        return last;
    }
}
