using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// How the web UI's view of the list is ordered and paged (<c>?sort=&amp;order=&amp;offset=</c>): by <c>updated</c>
/// (the default), <c>created</c>, <c>severity</c>, <c>alerts</c> or <c>title</c>; descending unless <c>order=asc</c>
/// (titles ascend by default). Ties fall back to the latest update, then the id.
/// </summary>
internal sealed record IncidentOrder(string Sort, bool Descending, int Offset)
{
    public static readonly string[] Sorts = ["updated", "created", "severity", "alerts", "title"];

    /// <summary>Parses the view parameters; null when none is given (the cursor listing applies).</summary>
    public static IncidentOrder? Parse(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        if (!query.ContainsKey("sort") && !query.ContainsKey("order") && !query.ContainsKey("offset"))
        {
            return null;
        }

        var sort = query["sort"].ToString() is { Length: > 0 } given ? given.ToLowerInvariant() : "updated";
        if (!Sorts.Contains(sort, StringComparer.Ordinal))
        {
            errors["sort"] = [$"One of: {string.Join(", ", Sorts)}."];
        }

        var order = query["order"].ToString().ToLowerInvariant();
        if (order is not ("" or "asc" or "desc"))
        {
            errors["order"] = ["'asc' or 'desc'."];
        }

        var offset = 0;
        if (query.ContainsKey("offset") && (!int.TryParse(query["offset"], out offset) || offset is < 0 or > IncidentListView.ScanLimit))
        {
            errors["offset"] = [$"A whole number from 0 to {IncidentListView.ScanLimit}."];
        }

        if (query.ContainsKey("cursor"))
        {
            errors["cursor"] = ["A cursor pages the default order; with sort, order or offset, page by offset."];
        }

        return new IncidentOrder(sort, order == "" ? sort != "title" : order == "desc", offset);
    }

    /// <summary>Sorts <paramref name="incidents"/> in place.</summary>
    public void Apply(List<Incident> incidents)
    {
        Comparison<Incident> primary = Sort switch
        {
            "created" => (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
            "severity" => (a, b) => a.Severity.CompareTo(b.Severity),
            "alerts" => (a, b) => a.AlertCount.CompareTo(b.AlertCount),
            "title" => (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Title, b.Title),
            _ => (_, _) => 0,
        };
        var sign = Descending ? -1 : 1;
        incidents.Sort((a, b) =>
        {
            var c = primary(a, b);
            if (c == 0)
            {
                c = a.UpdatedAt.CompareTo(b.UpdatedAt);
            }

            return sign * (c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        });
    }
}
