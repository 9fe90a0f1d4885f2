using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Jira;

/// <summary>
/// Jira Cloud: the incident's first notification creates an issue (description in Atlassian Document Format) whose
/// key is kept per incident; later events comment on it; resolution applies the configured transition, then comments.
/// </summary>
internal sealed class JiraChannel(string name, ChannelOptions options, IHttpClientFactory http, ChannelStateStore state)
    : ChannelBase(name, options)
{
    private const string KeyKey = "jira.key";
    private const string TransitionedKey = "jira.transitioned";
    private readonly JiraApi _api = new(options, http);

    public override string Type => ChannelTypes.Jira;

    public override bool KeepsIncidentState => true;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var e = message.Event;
        if (e.Type == EventTypes.StormSummary)
        {
            var (storm, stormKey) = await CreateAsync(message, cancellationToken);
            return storm.Success ? SendResult.Delivered(stormKey) : storm;
        }

        var remembered = await state.GetAsync(Name, e.IncidentId, cancellationToken);
        if (!remembered.TryGetValue(KeyKey, out var key))
        {
            var (created, newKey) = await CreateAsync(message, cancellationToken);
            if (!created.Success || newKey is null)
            {
                return created;
            }

            key = newKey;
            await state.SetAsync(Name, e.IncidentId, new Dictionary<string, string> { [KeyKey] = key }, cancellationToken);
            if (e.Type != EventTypes.IncidentResolved)
            {
                return SendResult.Delivered(key);
            }
        }

        if (e.Type == EventTypes.IncidentResolved &&
            !(remembered.TryGetValue(TransitionedKey, out var done) && done == e.Key))
        {
            // Transition first and remember it, so a retry after a failed comment does not transition twice.
            var transition = await _api.TransitionAsync(key, Options.ResolveTransition, cancellationToken);
            if (!transition.Success)
            {
                return transition;
            }

            await state.SetAsync(Name, e.IncidentId, new Dictionary<string, string> { [TransitionedKey] = e.Key }, cancellationToken);
        }

        var comment = new RenderedText().Strong(message.Title.ToPlain()).Line().Append(message.Body);
        var result = await _api.CommentAsync(key, TextFormats.ToAdf(comment), cancellationToken);
        return result.Success ? SendResult.Delivered(key) : result;
    }

    private Task<(SendResult Result, string? Key)> CreateAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var labels = new List<string> { "incident-platform", message.Event.Severity.ToString().ToLowerInvariant() };
        return _api.CreateIssueAsync(
            RenderedText.Truncate(message.Title.ToPlain().ReplaceLineEndings(" "), 255),
            TextFormats.ToAdf(message.Body), labels, cancellationToken);
    }
}
