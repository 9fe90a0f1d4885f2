namespace IncidentPlatform.Analysis.Configuration;

/// <summary>The analysis worker's configuration (section <c>Analysis</c>).</summary>
internal sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analysis";

    /// <summary>
    /// The providers to ask, in order, comma-separated: <c>bedrock</c>, <c>anthropic</c>, <c>offline</c>. The offline
    /// analyzer always ends the chain, so it answers when every model fails or a budget cap is hit.
    /// </summary>
    public string Providers { get; set; } = ProviderNames.Offline;

    /// <summary>The time limit of one model call; past it the next provider answers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed calls in a row (errors, timeouts) after which a provider is skipped for <see cref="BreakDuration"/>.</summary>
    public int BreakAfterFailures { get; set; } = 3;

    /// <summary>How long a failing provider is skipped before one call tries it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The model's output limit (<c>max_tokens</c>).</summary>
    public int MaxOutputTokens { get; set; } = 2048;

    /// <summary>How long an analysis is reused for incidents with the same error fingerprint.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Alerts of the incident put in the context (newest first).</summary>
    public int MaxAlerts { get; set; } = 20;

    /// <summary>Sample log lines put in the context.</summary>
    public int MaxSampleLines { get; set; } = 40;

    /// <summary>Recent similar incidents put in the context.</summary>
    public int MaxSimilarIncidents { get; set; } = 5;

    /// <summary>Longer lines of untrusted text are cut to this many characters.</summary>
    public int MaxLineLength { get; set; } = 600;

    /// <summary>Whether e-mail addresses are redacted as well as secrets.</summary>
    public bool RedactEmails { get; set; } = true;

    /// <summary>Prices per model, in US dollars per million tokens. A key matches every model id that contains it
    /// (the longest matching key wins), so <c>claude-sonnet-4-5</c> prices the Bedrock and the Anthropic ids alike.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claude on Amazon Bedrock.</summary>
    public BedrockOptions Bedrock { get; set; } = new();

    /// <summary>Claude through the Anthropic API.</summary>
    public AnthropicOptions Anthropic { get; set; } = new();

    /// <summary>Token and spend caps, concurrency.</summary>
    public BudgetOptions Budget { get; set; } = new();

    /// <summary>The offline analyzer's recommendations.</summary>
    public OfflineOptions Offline { get; set; } = new();
}
