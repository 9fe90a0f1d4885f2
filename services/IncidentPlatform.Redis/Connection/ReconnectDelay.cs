namespace IncidentPlatform.Redis;

/// <summary>Exponential backoff with jitter between reconnect attempts.</summary>
internal static class ReconnectDelay
{
    /// <summary>
    /// The delay before <paramref name="attempt"/> (1-based): <c>baseDelay · 2^(attempt-1)</c> capped at
    /// <paramref name="maxDelay"/>, then a random point in its upper half, so many clients do not reconnect in step.
    /// </summary>
    public static TimeSpan For(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
