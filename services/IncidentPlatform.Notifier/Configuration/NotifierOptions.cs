namespace IncidentPlatform.Notifier.Configuration;

/// <summary>The notifier's configuration, section <c>Notifier</c>.</summary>
public sealed class NotifierOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifier";

    /// <summary>The channel used when none is configured.</summary>
    public const string DefaultChannel = "console";

    /// <summary>Channels by name. When empty, one <c>console</c> channel writes JSON lines to standard output.</summary>
    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Routing rules. When empty, every incident event goes to every channel.</summary>
    public List<RouteOptions> Routes { get; set; } = [];

    /// <summary>How long an (incident, event, channel) is remembered as delivered, so redeliveries post nothing.</summary>
    public TimeSpan IdempotencyTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The time to live of a sending claim (and of the per-incident thread lock), renewed every third of it while the send
    /// lasts: a send may take longer than this, but a crashed sender's claim frees within it.
    /// </summary>
    public TimeSpan SendingClaim { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often coalesced updates are checked for being due.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The channels in force: the configured ones, or the default console channel.</summary>
    public IReadOnlyDictionary<string, ChannelOptions> EffectiveChannels => Channels.Count > 0
        ? Channels
        : new Dictionary<string, ChannelOptions>(StringComparer.OrdinalIgnoreCase)
        {
            [DefaultChannel] = new() { Type = ChannelTypes.Console },
        };
}
