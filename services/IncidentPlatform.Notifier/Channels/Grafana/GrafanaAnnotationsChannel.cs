using System.Globalization;
using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using static IncidentPlatform.Notifier.Channels.Grafana.GrafanaAnnotationText;

namespace IncidentPlatform.Notifier.Channels.Grafana;

/// <summary>
/// Grafana annotations: one annotation per incident, tagged <c>incidentplatform</c>, <c>incident:&lt;id&gt;</c>,
/// <c>service:…</c>, <c>severity:…</c> and <c>category:…</c>, starting when the incident opened. It is looked up by
/// its tags before it is created (so a retried or redelivered create finds the one made), its text is patched with the
/// analysis summary and the remediation outcome as they come, and resolution closes the region (<c>timeEnd</c>).
/// </summary>
internal sealed class GrafanaAnnotationsChannel(string name, ChannelOptions options, IHttpClientFactory http, ChannelStateStore state)
    : ChannelBase(name, options)
{
    private const string IdKey = "grafana.id";
    private const string CategoryKey = "grafana.category";
    private const string AnalysisKey = "grafana.analysis";
    private const string RemediationKey = "grafana.remediation";
    private const string ResolvedKey = "grafana.resolved";
    private readonly GrafanaApi _api = new(options, http);

    public override string Type => ChannelTypes.GrafanaAnnotations;

    public override bool KeepsIncidentState => true;

    // The events that change what the annotation shows.
    public override bool Accepts(NotificationEvent e) => e.Type is EventTypes.IncidentOpened or EventTypes.IncidentAnalyzed
        or EventTypes.RemediationExecuted or EventTypes.RemediationFailed or EventTypes.RemediationInterrupted or EventTypes.RemediationRejected or EventTypes.IncidentResolved;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var e = message.Event;
        var remembered = await state.GetAsync(Name, e.IncidentId, cancellationToken);
        var values = new Dictionary<string, string>();
        if (Analysis(e) is { } analysis)
        {
            values[AnalysisKey] = Line(analysis);
            values[CategoryKey] = e.Analysis!.Category;
        }

        if (Remediation(e) is { } remediation)
        {
            values[RemediationKey] = Line(remediation);
        }

        if (Resolution(e) is { } resolution)
        {
            values[ResolvedKey] = Line(resolution);
        }

        string? Current(string key) => values.TryGetValue(key, out var value) ? value : remembered.GetValueOrDefault(key);
        var text = Html(message.Title, [Current(AnalysisKey), Current(RemediationKey), Current(ResolvedKey)]);
        var tags = new JsonArray([.. Tags(e, Current(CategoryKey)).Select(t => (JsonNode?)JsonValue.Create(t))]);
        var resolved = e.Type == EventTypes.IncidentResolved;

        var id = remembered.TryGetValue(IdKey, out var known) && long.TryParse(known, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : (long?)null;
        if (id is null)
        {
            var (found, existing) = await _api.FindAsync(IdentityTags(e.IncidentId), cancellationToken);
            if (!found.Success)
            {
                return found;
            }

            if (existing is null)
            {
                var (created, newId) = await _api.CreateAsync(NewAnnotation(e, tags, text, resolved), cancellationToken);
                return newId is { } madeId ? await RememberAsync(e, values, madeId, cancellationToken) : created;
            }

            id = existing;
        }

        var changes = new JsonObject { ["text"] = text, ["tags"] = tags };
        if (resolved)
        {
            changes["timeEnd"] = Millis(End(e));
        }

        var patched = await _api.PatchAsync(id.Value, changes, cancellationToken);
        return patched.Success ? await RememberAsync(e, values, id.Value, cancellationToken) : patched;
    }

    private JsonObject NewAnnotation(NotificationEvent e, JsonArray tags, string text, bool resolved)
    {
        // While the incident is open the annotation is a point at its start; resolution makes it a region.
        var annotation = new JsonObject
        {
            ["time"] = Millis(Start(e)),
            ["timeEnd"] = Millis(resolved ? End(e) : Start(e)),
            ["tags"] = tags,
            ["text"] = text,
        };
        if (!string.IsNullOrWhiteSpace(Options.DashboardUid))
        {
            annotation["dashboardUID"] = Options.DashboardUid;
        }

        if (Options.PanelId is { } panel)
        {
            annotation["panelId"] = panel;
        }

        return annotation;
    }

    private async Task<SendResult> RememberAsync(
        NotificationEvent e, Dictionary<string, string> values, long id, CancellationToken cancellationToken)
    {
        var reference = id.ToString(CultureInfo.InvariantCulture);
        values[IdKey] = reference;
        await state.SetAsync(Name, e.IncidentId, values, cancellationToken);
        return SendResult.Delivered(reference);
    }
}
