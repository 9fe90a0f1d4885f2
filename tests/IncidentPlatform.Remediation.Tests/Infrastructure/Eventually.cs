namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>Polls until a condition holds, for effects that travel over the bus.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Not in time: {what}");
            }

            await Task.Delay(20);
        }
    }
}
