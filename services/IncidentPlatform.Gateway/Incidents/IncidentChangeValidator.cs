using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Intake;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>Checks a change to an incident (REST PATCH, MCP update) before it is sent to the detector.</summary>
internal static class IncidentChangeValidator
{
    public const int MaxNote = 2000;

    public static Dictionary<string, string[]> Validate(IncidentChangeRequest change, out Severity? severity)
    {
        var errors = new Dictionary<string, string[]>();
        severity = null;
        if (change.Severity is not null)
        {
            if (SeverityNames.TryParse(change.Severity, out var parsed))
            {
                severity = parsed;
            }
            else
            {
                errors["severity"] = [$"One of: {SeverityNames.Accepted}."];
            }
        }

        if (change.Title is { Length: > AlertValidator.MaxTitle } || change.Title is "")
        {
            errors["title"] = [$"1 to {AlertValidator.MaxTitle} characters."];
        }

        if (change.Labels is { Count: > AlertValidator.MaxLabels } ||
            change.Labels?.Any(l => l.Key.Length is 0 or > 100 || l.Value is null || l.Value.Length > 1000) == true)
        {
            errors["labels"] = [$"At most {AlertValidator.MaxLabels} labels; names 1–100 characters, values at most 1000."];
        }

        if (change.Note is { Length: > MaxNote })
        {
            errors["note"] = [$"At most {MaxNote} characters."];
        }

        if (change.Reason is { Length: > MaxNote })
        {
            errors["reason"] = [$"At most {MaxNote} characters."];
        }

        return errors;
    }
}
