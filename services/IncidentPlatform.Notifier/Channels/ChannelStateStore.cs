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

    public async Task SetAsync(
        string channel, string incidentId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var id = Id(channel, incidentId);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await documents.GetAsync(Collection, id, cancellationToken);
            var merged = current is null
                ? []
                : JsonSerializer.Deserialize(current.Json, NotifierJsonContext.Default.DictionaryStringString) ?? [];
            foreach (var (key, value) in values)
            {
                merged[key] = value;
            }

            var json = JsonSerializer.Serialize(merged, NotifierJsonContext.Default.DictionaryStringString);
            if (await documents.TryPutAsync(Collection, id, json, current?.Version ?? 0, incidentId, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Channel state {id} kept changing under 50 attempts.");
    }

    private static string Id(string channel, string incidentId) => $"{channel}|{incidentId}";
}
