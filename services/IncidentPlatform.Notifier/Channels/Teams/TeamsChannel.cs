using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.Teams;

/// <summary>Microsoft Teams through a workflow (Power Automate) webhook, one Adaptive Card per notification.</summary>
internal sealed class TeamsChannel(string name, ChannelOptions options, IHttpClientFactory http) : ChannelBase(name, options)
{
    public override string Type => ChannelTypes.Teams;

    public override Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        PostJsonAsync(http, Options.Url!, AdaptiveCard.Message(message.Title, message.Body, message.Event), cancellationToken);
}
