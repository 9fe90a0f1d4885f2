using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Channels.Slack;

/// <summary>
/// A Slack bot (Web API with a bot token): one thread per incident. The first notification posts the parent message
/// (<c>chat.postMessage</c>) and its <c>ts</c> and channel are kept per incident; later events are thread replies
/// (<c>thread_ts</c>), and incident changes also refresh the parent (<c>chat.update</c>).
/// </summary>
internal sealed class SlackBotChannel(
    string Name, ChannelOptions options, IHttpClientFactory http, ChannelStateStore state, ILogger logger) : ChannelBase(Name, options)
{
    private const string TsKey = "slack.ts";
    private const string ChannelKey = "slack.channel";
    private readonly SlackWebApi _api = new(options, http);

    public override string Type => ChannelTypes.SlackBot;

    public override bool KeepsIncidentState => true;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var e = message.Event;
        var post = SlackBlocks.Message(message.Title, message.Body, e);
        if (e.Type == EventTypes.StormSummary)
        {
            post["channel"] = Options.Channel;
            var (stormResult, stormTs, _) = await _api.CallAsync("chat.postMessage", post, cancellationToken);
            return stormResult.Success ? SendResult.Delivered(stormTs) : stormResult;
        }

        var thread = await state.GetAsync(Name, e.IncidentId, cancellationToken);
        if (!thread.TryGetValue(TsKey, out var parentTs) || !thread.TryGetValue(ChannelKey, out var channel))
        {
            post["channel"] = Options.Channel;
            var (result, ts, postedChannel) = await _api.CallAsync("chat.postMessage", post, cancellationToken);
            if (!result.Success || ts is null)
            {
                return result.Success ? SendResult.Permanent("Slack chat.postMessage: no ts in the answer") : result;
            }

            await state.SetAsync(Name, e.IncidentId,
                new Dictionary<string, string> { [TsKey] = ts, [ChannelKey] = postedChannel ?? Options.Channel! }, cancellationToken);
            return SendResult.Delivered(ts);
        }

        if (e.Incident is not null && e.Type is EventTypes.IncidentUpdated or EventTypes.IncidentResolved or EventTypes.IncidentOpened)
        {
            await RefreshParentAsync(e, channel, parentTs, cancellationToken);
        }

        post["channel"] = channel;
        post["thread_ts"] = parentTs;
        var (reply, replyTs, _) = await _api.CallAsync("chat.postMessage", post, cancellationToken);
        return reply.Success ? SendResult.Delivered(replyTs) : reply;
    }

    // The parent shows the incident as it is now. Best effort: the thread reply is the delivery, and retrying the
    // delivery for a failed refresh would post the reply twice.
    private async Task RefreshParentAsync(NotificationEvent e, string channel, string ts, CancellationToken cancellationToken)
    {
        var parent = SlackBlocks.Message(EventSummary.DefaultTitle(e), EventSummary.IncidentState(e), e, withButtons: false);
        parent["channel"] = channel;
        parent["ts"] = ts;
        var (result, _, _) = await _api.CallAsync("chat.update", parent, cancellationToken);
        if (!result.Success)
        {
            logger.LogWarning("Slack channel {Channel} could not refresh the thread of {IncidentId}: {Error}", Name, e.IncidentId, result.Error);
        }
    }
}
