namespace IncidentPlatform.Notifier.Configuration;

/// <summary>
/// One routing rule, <c>Notifier:Routes:&lt;n&gt;</c>: an event matching every condition set goes to
/// <see cref="Channels"/>. An event goes to the union of the channels of every matching rule.
/// </summary>
public sealed class RouteOptions
{
    /// <summary>A name for logs.</summary>
    public string? Name { get; set; }

    /// <summary>Event types (<c>IncidentOpened</c>, <c>ApprovalRequested</c>…); any when empty.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The least severity that matches (<c>High</c> matches High and Critical).</summary>
    public Contracts.Severity? MinSeverity { get; set; }

    /// <summary>Services (exact, case-insensitive); any when empty.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>Labels the incident must carry with these values.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>The channels (names under <c>Notifier:Channels</c>).</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Quiet hours of this rule.</summary>
    public QuietHoursOptions QuietHours { get; set; } = new();
}
