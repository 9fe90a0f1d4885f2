using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Intake;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>Reads <c>?status=&amp;service=&amp;severity=&amp;q=&amp;since=&amp;until=&amp;pageSize=&amp;cursor=</c> (the view's <c>sort</c>, <c>order</c> and <c>offset</c>: <see cref="IncidentOrder"/>).</summary>
internal static class IncidentQueryParser
{
    public const int MaxPageSize = 500;

    public static Dictionary<string, string[]> Parse(IQueryCollection query, out IncidentQuery parsed)
    {
        var errors = new Dictionary<string, string[]>();
        parsed = new IncidentQuery();

        if (query.TryGetValue("status", out var status) &&
            !Enum.TryParse<IncidentStatus>(status.ToString(), ignoreCase: true, out var s))
        {
            errors["status"] = ["One of: open, acknowledged, resolved."];
        }
        else if (status.Count > 0)
        {
            parsed = parsed with { Status = Enum.Parse<IncidentStatus>(status.ToString(), ignoreCase: true) };
        }

        if (query.TryGetValue("severity", out var severity))
        {
            if (SeverityNames.TryParse(severity.ToString(), out var min))
            {
                parsed = parsed with { MinSeverity = min };
            }
            else
            {
                errors["severity"] = [$"The minimum severity, one of: {SeverityNames.Accepted}."];
            }
        }

        parsed = parsed with
        {
            Service = NonEmpty(query["service"]),
            Text = NonEmpty(query["q"]),
            Cursor = NonEmpty(query["cursor"]),
            Since = Time(query, "since", errors),
            Until = Time(query, "until", errors),
        };

        if (query.TryGetValue("pageSize", out var size))
        {
            if (int.TryParse(size.ToString(), out var n) && n is >= 1 and <= MaxPageSize)
            {
                parsed = parsed with { PageSize = n };
            }
            else
            {
                errors["pageSize"] = [$"A whole number from 1 to {MaxPageSize}."];
            }
        }

        return errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[name] = ["An ISO 8601 time, e.g. 2026-11-21T08:00:00Z."];
        return null;
    }
}
