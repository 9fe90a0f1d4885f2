using System.Text.Json;
using IncidentPlatform.Notifier.Serialization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>
/// What a channel remembers per incident (the Slack message <c>ts</c> and channel of its thread, the Jira issue key),
/// as a small versioned document owned by the incident, so every replica finds the same thread.
/// </summary>
internal sealed class ChannelStateStore(IDocumentStore documents)
{
    public const string Collection = "notifier-channel-state";

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(
        string channel, string incidentId, CancellationToken cancellationToken)
    {
        var document = await documents.GetAsync(Collection, Id(channel, incidentId), cancellationToken);
        return document is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(document.Json, NotifierJsonContext.Default.DictionaryStringString) ?? [];
    }

    public Task SetAsync(
        string channel, string incidentId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Collection, Id(channel, incidentId), current =>
        {
            var merged = current is null
                ? []
                : JsonSerializer.Deserialize(current.Json, NotifierJsonContext.Default.DictionaryStringString) ?? [];
            foreach (var (key, value) in values)
            {
                merged[key] = value;
            }

            return JsonSerializer.Serialize(merged, NotifierJsonContext.Default.DictionaryStringString);
        }, incidentId, cancellationToken);

    private static string Id(string channel, string incidentId) => $"{channel}|{incidentId}";
}
