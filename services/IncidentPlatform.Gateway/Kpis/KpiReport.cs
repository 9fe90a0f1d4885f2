namespace IncidentPlatform.Gateway.Kpis;

/// <summary>The KPIs of one window (<c>[From, To)</c>), for one service or all. Durations in seconds, shares 0–1;
/// a mean or share over nothing is null.</summary>
internal sealed record KpiReport
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public string? Service { get; init; }

    /// <summary>Incidents opened (created) in the window.</summary>
    public int Opened { get; init; }

    /// <summary>Incidents resolved in the window.</summary>
    public int Resolved { get; init; }

    /// <summary>Mean time from opening to the first acknowledgement or approval decision, over incidents opened in the window that had one.</summary>
    public double? MttaSeconds { get; init; }

    /// <summary>Mean time from opening to resolution, over incidents resolved in the window.</summary>
    public double? MttrSeconds { get; init; }

    /// <summary>Of the incidents resolved in the window, the share nobody acknowledged, decided on or resolved by hand.</summary>
    public double? ResolvedWithoutHumanShare { get; init; }

    /// <summary>Of the incidents resolved in the window, the share with a remediation run without a person's approval that verified.</summary>
    public double? AutoRemediatedVerifiedShare { get; init; }

    /// <summary>Remediations created in the window, by state (<c>verified</c>, <c>failed</c>, <c>rejected</c>…).</summary>
    public IReadOnlyDictionary<string, int> RemediationsByOutcome { get; init; } = new Dictionary<string, int>();

    /// <summary>Approval waits (request → first decision) decided in the window.</summary>
    public int ApprovalsDecided { get; init; }
    public double? ApprovalWaitMeanSeconds { get; init; }
    public double? ApprovalWaitMaxSeconds { get; init; }

    /// <summary>Notification deliveries in the window, by status (<c>delivered</c>, <c>failed</c>, <c>suppressed</c>, <c>preview</c>).</summary>
    public IReadOnlyDictionary<string, int> Notifications { get; init; } = new Dictionary<string, int>();

    /// <summary>Analyses in the window, of them answered from the cache, their hit rate, and the model spend.</summary>
    public int Analyses { get; init; }
    public int AnalysesCached { get; init; }
    public double? AnalysisCacheHitRate { get; init; }
    public decimal ModelSpendUsd { get; init; }
    public long ModelTokens { get; init; }

    /// <summary>The window cut into buckets (hours up to 2 days, days beyond), for charts.</summary>
    public IReadOnlyList<KpiBucket> Series { get; init; } = [];

    /// <summary>True when the window touched more incidents than one computation reads (<see cref="KpiOptions.MaxIncidents"/>).</summary>
    public bool Truncated { get; init; }
}

/// <summary>One bucket of <see cref="KpiReport.Series"/>: incidents opened by severity, MTTR and automation share of those resolved in it.</summary>
internal sealed record KpiBucket
{
    public required DateTimeOffset Start { get; init; }
    public IReadOnlyDictionary<string, int> OpenedBySeverity { get; init; } = new Dictionary<string, int>();
    public int Resolved { get; init; }
    public double? MttrSeconds { get; init; }
    public double? ResolvedWithoutHumanShare { get; init; }
}
