using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Checks an <see cref="AlertRequest"/> and turns it into an <see cref="Alert"/> (without its id yet). An alert without a
/// <c>timestamp</c> is taken as observed when it was received, and marked so (<see cref="Alert.TimestampFromReceipt"/>).
/// </summary>
internal static class AlertValidator
{
    public const int MaxTitle = 500;
    public const int MaxMessage = 32 * 1024;
    public const int MaxLabels = 64;

    public static Dictionary<string, string[]> Validate(AlertRequest request, DateTimeOffset now, out Alert? alert)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(request.Source))
        {
            Error("source", "Required: where the alert comes from, e.g. 'nagios' or 'my-app'.");
        }
        else if (request.Source.Length > 64)
        {
            Error("source", "At most 64 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            Error("title", "Required: a one-line title.");
        }
        else if (request.Title.Length > MaxTitle)
        {
            Error("title", $"At most {MaxTitle} characters.");
        }

        if (request.Message is null)
        {
            Error("message", "Required (may be empty).");
        }
        else if (request.Message.Length > MaxMessage)
        {
            Error("message", $"At most {MaxMessage} characters.");
        }

        if (!SeverityNames.TryParse(request.Severity, out var severity))
        {
            Error("severity", $"Required, one of: {SeverityNames.Accepted}.");
        }

        if (request.Timestamp > now.AddDays(1))
        {
            Error("timestamp", "More than a day in the future: check the sender's clock.");
        }

        if (request.Service is { Length: > 200 })
        {
            Error("service", "At most 200 characters.");
        }

        if (request.Id is { Length: > 200 })
        {
            Error("id", "At most 200 characters.");
        }

        if (request.Labels is { Count: > MaxLabels } ||
            request.Labels?.Any(l => l.Key.Length is 0 or > 100 || l.Value is null || l.Value.Length > 1000) == true)
        {
            Error("labels", $"At most {MaxLabels} labels; names 1–100 characters, values at most 1000.");
        }

        var status = AlertStatus.Firing;
        if (request.Status is not null && !Enum.TryParse(request.Status, ignoreCase: true, out status))
        {
            Error("status", "'firing' or 'resolved'.");
        }

        alert = errors.Count > 0 ? null : new Alert
        {
            Id = "",
            Source = request.Source!.Trim(),
            ExternalId = string.IsNullOrWhiteSpace(request.Id) ? null : request.Id.Trim(),
            Title = request.Title!.Trim(),
            Message = request.Message!,
            Severity = severity,
            Timestamp = request.Timestamp ?? now,
            TimestampFromReceipt = request.Timestamp is null,
            Service = string.IsNullOrWhiteSpace(request.Service) ? null : request.Service.Trim(),
            Labels = request.Labels ?? [],
            Status = status,
            ReceivedAt = now,
        };
        return errors;
    }
}
