using System.Globalization;
using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// Turns an SNS notification into an alert: a CloudWatch alarm (ALARM fires, OK resolves; the alarm ARN is the
/// fingerprint, so both land on the same incident), or any other message as a plain <c>sns</c> alert.
/// </summary>
internal static class CloudWatchAlarmMapper
{
    /// <summary>The alarm in the message, or null when the message is not a CloudWatch alarm.</summary>
    public static CloudWatchAlarm? TryParse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            var alarm = JsonSerializer.Deserialize(message, SnsJsonContext.Default.CloudWatchAlarm);
            return alarm is { AlarmName.Length: > 0, NewStateValue.Length: > 0 } ? alarm : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The alert for the alarm, or null (with why) for a state that raises none.</summary>
    public static Alert? Map(CloudWatchAlarm alarm, SnsMessage envelope, SnsOptions options, DateTimeOffset now, out string? ignored)
    {
        ignored = null;
        var status = alarm.NewStateValue switch
        {
            "ALARM" => AlertStatus.Firing,
            "OK" => AlertStatus.Resolved,
            "INSUFFICIENT_DATA" when options.AlertOnInsufficientData => AlertStatus.Firing,
            _ => (AlertStatus?)null,
        };
        if (status is null)
        {
            ignored = $"Alarm state {alarm.NewStateValue} raises no alert (Webhooks:Sns:AlertOnInsufficientData is off).";
            return null;
        }

        SeverityNames.TryParse(options.AlarmSeverity, out var severity);
        if (alarm.NewStateValue == "INSUFFICIENT_DATA")
        {
            severity = Severity.Low;
        }

        var dimensions = alarm.Trigger?.Dimensions.Where(d => d.Name is { Length: > 0 }).ToList() ?? [];
        var labels = new List<KeyValuePair<string, string>>
        {
            new("alarmName", alarm.AlarmName!), new("state", alarm.NewStateValue!),
        };
        Add(labels, "alarmArn", alarm.AlarmArn);
        Add(labels, "region", alarm.Region);
        Add(labels, "awsAccountId", alarm.AwsAccountId);
        Add(labels, "namespace", alarm.Trigger?.Namespace);
        Add(labels, "metricName", alarm.Trigger?.MetricName);
        labels.AddRange(dimensions.Select(d => new KeyValuePair<string, string>(d.Name!, d.Value ?? "")));
        var service = options.EffectiveServiceDimensions
            .Select(n => dimensions.FirstOrDefault(d => d.Name == n)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        return new Alert
        {
            Id = "",
            Source = "cloudwatch",
            ExternalId = envelope.MessageId,
            Title = AlertText.Title(alarm.AlarmName, "CloudWatch alarm"),
            Message = AlertText.Message(string.Join("\n",
                new[] { $"{alarm.OldStateValue} → {alarm.NewStateValue}: {alarm.NewStateReason}", alarm.AlarmDescription }
                    .Where(l => !string.IsNullOrWhiteSpace(l)))),
            Severity = severity,
            Timestamp = ParseTime(alarm.StateChangeTime) ?? ParseTime(envelope.Timestamp) ?? now,
            Service = service,
            Labels = AlertText.Labels(labels),
            Status = status.Value,
            Fingerprint = alarm.AlarmArn is { Length: > 0 } arn
                ? arn
                : $"cloudwatch:{alarm.AwsAccountId}:{alarm.Region}:{alarm.AlarmName}",
            ReceivedAt = now,
        };
    }

    /// <summary>Any other SNS notification: its subject (or first line) as the title.</summary>
    public static Alert MapPlain(SnsMessage envelope, SnsOptions options, DateTimeOffset now)
    {
        SeverityNames.TryParse(options.DefaultSeverity, out var severity);
        return new Alert
        {
            Id = "",
            Source = "sns",
            ExternalId = envelope.MessageId,
            Title = AlertText.Title(envelope.Subject ?? envelope.Message, "SNS notification"),
            Message = AlertText.Message(envelope.Message),
            Severity = severity,
            Timestamp = ParseTime(envelope.Timestamp) ?? now,
            Labels = AlertText.Labels([new("topicArn", envelope.TopicArn ?? "")]),
            ReceivedAt = now,
        };
    }

    /// <summary>CloudWatch writes "2015-06-03T17:43:27.123+0000" (no colon in the offset); SNS writes ISO 8601.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Contains('T') && text.Length > 5 && (text[^5] is '+' or '-') && char.IsAsciiDigit(text[^1])
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }

    private static void Add(List<KeyValuePair<string, string>> labels, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            labels.Add(new(name, value));
        }
    }
}
