namespace IncidentPlatform.Remediation.Executors.PagerDuty;

/// <summary>The PagerDuty REST API v2 account the <c>pagerduty.*</c> actions use (section <c>Remediation:PagerDuty</c>).</summary>
internal sealed class PagerDutyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Remediation:PagerDuty";

    /// <summary>The public REST API.</summary>
    public const string DefaultBaseUrl = "https://api.pagerduty.com/";

    /// <summary>The REST API base address.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The REST API key (sent as <c>Authorization: Token token=…</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The e-mail address of the PagerDuty user the changes are made as (the <c>From</c> header).</summary>
    public string? From { get; set; }
}
