using System.Text;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Intake.Alertmanager;

/// <summary>
/// One alert per Alertmanager (or Grafana) alert: the labels kept as labels (the detector fingerprints them), the
/// <c>summary</c> annotation (or <c>alertname</c>) as title, the severity label mapped, <c>resolved</c> as a resolve. The
/// sender id combines its fingerprint, status and times, so group re-sends of an unchanged alert are dropped as retries.
/// </summary>
internal static class AlertmanagerMapper
{
    public static Dictionary<string, string[]> Map(
        AlertmanagerPayload payload, string source, LabelledSourceOptions options, DateTimeOffset now, out List<Alert> alerts)
    {
        var errors = new Dictionary<string, string[]>();
        alerts = [];
        if (payload.Alerts is null)
        {
            errors["alerts"] = ["Required: the group's alerts."];
            return errors;
        }

        for (var i = 0; i < payload.Alerts.Count; i++)
        {
            if (payload.Alerts[i] is not { } item)
            {
                errors[$"alerts[{i}]"] = ["Required: an alert object, not null."];
                continue;
            }

            if (item.Labels?.Any(l => l.Value is null) == true || item.Annotations?.Any(a => a.Value is null) == true)
            {
                errors[$"alerts[{i}].labels"] = ["Label and annotation values are strings, not null."];
                continue;
            }

            var status = item.Status?.ToLowerInvariant() switch
            {
                "firing" => AlertStatus.Firing,
                "resolved" => AlertStatus.Resolved,
                _ => (AlertStatus?)null,
            };
            if (status is null)
            {
                errors[$"alerts[{i}].status"] = ["'firing' or 'resolved'."];
            }

            if (item.StartsAt is null)
            {
                errors[$"alerts[{i}].startsAt"] = ["Required."];
            }

            if (item.Labels is not { Count: > 0 })
            {
                errors[$"alerts[{i}].labels"] = ["Required: an alert is identified by its labels."];
            }

            if (status is not null && item.StartsAt is not null && item.Labels is { Count: > 0 })
            {
                alerts.Add(MapOne(item, status.Value, source, options, now));
            }
        }

        return errors;
    }

    private static Alert MapOne(AlertmanagerAlert item, AlertStatus status, string source, LabelledSourceOptions options, DateTimeOffset now)
    {
        var labels = item.Labels!;
        var annotations = item.Annotations ?? [];
        var endsAt = item.EndsAt is { Year: > 1 } end ? end : (DateTimeOffset?)null;
        if (!SeverityNames.TryParse(labels.GetValueOrDefault(options.SeverityLabel), out var severity))
        {
            SeverityNames.TryParse(options.DefaultSeverity, out severity);
        }

        var identity = item.Fingerprint is { Length: > 0 } fingerprint
            ? fingerprint
            : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        var externalId = status == AlertStatus.Firing
            ? $"{identity}|firing|{item.StartsAt:O}"
            : $"{identity}|resolved|{item.StartsAt:O}|{endsAt:O}";
        return new Alert
        {
            Id = "",
            Source = source,
            ExternalId = AlertText.Cut(externalId, 200),
            Title = AlertText.Title(annotations.GetValueOrDefault("summary") ?? labels.GetValueOrDefault("alertname"), $"{source} alert"),
            Message = AlertText.Message(Describe(item, annotations)),
            Severity = severity,
            Timestamp = status == AlertStatus.Resolved && endsAt is { } resolvedAt ? resolvedAt : item.StartsAt!.Value,
            Service = options.EffectiveServiceLabels.Select(labels.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)),
            Labels = AlertText.Labels(labels),
            Status = status,
            ReceivedAt = now,
        };
    }

    private static string Describe(AlertmanagerAlert item, Dictionary<string, string> annotations)
    {
        var text = new StringBuilder(annotations.GetValueOrDefault("description") ?? annotations.GetValueOrDefault("summary") ?? "");
        foreach (var (name, value) in annotations.Where(a => a.Key is not ("description" or "summary")).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append(": ").Append(value);
        }

        if (item.Values is { Count: > 0 } values)
        {
            text.Append("\nvalues: ").AppendJoin(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
        }
        else if (!string.IsNullOrEmpty(item.ValueString))
        {
            text.Append("\nvalues: ").Append(item.ValueString);
        }

        foreach (var (name, url) in new[]
                 {
                     ("source", item.GeneratorUrl), ("dashboard", item.DashboardUrl), ("panel", item.PanelUrl), ("silence", item.SilenceUrl),
                 })
        {
            if (!string.IsNullOrEmpty(url))
            {
                text.Append('\n').Append(name).Append(": ").Append(url);
            }
        }

        return text.ToString().Trim();
    }
}
