namespace IncidentPlatform.Analysis.Configuration;

/// <summary>What model analyses may spend (section <c>Analysis:Budget</c>). Past a cap the offline analyzer answers.</summary>
internal sealed class BudgetOptions
{
    /// <summary>Tokens (input + output) one incident may use over all its analyses.</summary>
    public long MaxTokensPerIncident { get; set; } = 60_000;

    /// <summary>Spend per clock hour, shared by every replica.</summary>
    public decimal HourlyLimitUsd { get; set; } = 5m;

    /// <summary>Spend per UTC day, shared by every replica.</summary>
    public decimal DailyLimitUsd { get; set; } = 50m;

    /// <summary>Model calls in flight at once in this process.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>How long an analysis waits for a free call slot before the offline analyzer answers instead.</summary>
    public TimeSpan ConcurrencyWait { get; set; } = TimeSpan.FromSeconds(10);
}
