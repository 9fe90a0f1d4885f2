using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.PagerDuty;

/// <summary>
/// PagerDuty Events API v2 (<c>POST /v2/enqueue</c>): an opened incident triggers an alert with <c>dedup_key</c> =
/// the incident id, an acknowledged one acknowledges it, a resolved one resolves it; other updates trigger again with
/// the same key, which PagerDuty adds to the open alert.
/// </summary>
internal sealed class PagerDutyChannel(string name, ChannelOptions options, IHttpClientFactory http) : ChannelBase(name, options)
{
    public const string DefaultUrl = "https://events.pagerduty.com/v2/enqueue";

    public override string Type => ChannelTypes.PagerDuty;

    public override bool Accepts(NotificationEvent e) =>
        e.Type is EventTypes.IncidentOpened or EventTypes.IncidentUpdated or EventTypes.IncidentResolved
            or EventTypes.Manual or EventTypes.StormSummary;

    public static string MapSeverity(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "error",
        Severity.Medium => "warning",
        _ => "info",
    };

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var e = message.Event;
        var action = e.Type switch
        {
            EventTypes.IncidentResolved => "resolve",
            EventTypes.IncidentUpdated when e.Incident?.Status == IncidentStatus.Acknowledged => "acknowledge",
            _ => "trigger",
        };
        var dedupKey = e.Type == EventTypes.StormSummary ? $"storm-{Name}-{e.Key}" : e.IncidentId;
        var body = new JsonObject
        {
            ["routing_key"] = Options.RoutingKey,
            ["event_action"] = action,
            ["dedup_key"] = dedupKey,
        };
        if (action == "trigger")
        {
            body["payload"] = Payload(message);
            body["client"] = "IncidentPlatform";
        }

        var url = string.IsNullOrWhiteSpace(Options.Url) ? DefaultUrl : Options.Url;
        var request = VendorHttp.Json(HttpMethod.Post, new Uri(url), body);
        var (result, _, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result.Success ? SendResult.Delivered(DedupKey(text) ?? dedupKey) : result;
    }

    private static JsonObject Payload(ChannelMessage message)
    {
        var e = message.Event;
        var details = new JsonObject
        {
            ["incident_id"] = e.IncidentId,
            ["event"] = e.Type,
            ["text"] = message.Body.ToPlain(4000),
        };
        if (e.Incident is { } incident)
        {
            details["status"] = incident.Status.ToString();
            details["alerts"] = incident.AlertCount;
            details["labels"] = new JsonObject([.. incident.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]);
        }

        var payload = new JsonObject
        {
            ["summary"] = RenderedText.Truncate(message.Title.ToPlain(), 1024),
            ["source"] = e.Incident?.Service ?? e.Incident?.Source ?? "incident-platform",
            ["severity"] = MapSeverity(e.Severity),
            ["timestamp"] = e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["class"] = e.Type,
            ["custom_details"] = details,
        };
        if (e.Incident?.Service is { } service)
        {
            payload["component"] = service;
        }

        if (e.Incident?.Source is { } source)
        {
            payload["group"] = source;
        }

        return payload;
    }

    private static string? DedupKey(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("dedup_key", out var key) ? key.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
