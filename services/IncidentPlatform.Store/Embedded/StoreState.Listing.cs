using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

internal sealed partial class StoreState
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// One page of the listing. Keyset paging: the cursor is the last item's place in the order, and the next page
    /// starts strictly after it, so items moving to the front meanwhile (updated, opened) never repeat or shift others.
    /// </summary>
    public IncidentPage Query(IncidentQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var after = query.Cursor is null ? (IncidentKey?)null : IncidentCursor.Decode(query.Cursor);
        if (_byUpdate.Count == 0)
        {
            return new IncidentPage([], null);
        }

        var start = new IncidentKey(long.MaxValue, null);
        if (query.Until is { } until)
        {
            start = Later(start, new IncidentKey(until.UtcTicks - 1, null));
        }

        if (after is { } cursor)
        {
            start = Later(start, cursor);
        }

        var last = _byUpdate.Max;
        if (IncidentKey.Compare(start, last) > 0)
        {
            return new IncidentPage([], null);
        }

        var sinceTicks = query.Since?.UtcTicks ?? long.MinValue;
        var items = new List<Incident>(Math.Min(size, 64));
        foreach (var key in _byUpdate.GetViewBetween(start, last))
        {
            if (key.Ticks < sinceTicks)
            {
                break;
            }

            var incident = _incidents[key.Id!].Incident;
            if (key == after || !Matches(query, incident))
            {
                continue;
            }

            if (items.Count == size)
            {
                return new IncidentPage(items, IncidentCursor.Encode(IncidentKey.Of(items[^1])));
            }

            items.Add(incident);
        }

        return new IncidentPage(items, null);
    }

    private static IncidentKey Later(IncidentKey a, IncidentKey b) => IncidentKey.Compare(a, b) >= 0 ? a : b;

    private static bool Matches(IncidentQuery query, Incident incident) =>
        (query.Status is null || incident.Status == query.Status) &&
        (query.Service is null || string.Equals(incident.Service, query.Service, StringComparison.Ordinal)) &&
        (query.MinSeverity is null || incident.Severity >= query.MinSeverity) &&
        (string.IsNullOrEmpty(query.Text) ||
         incident.Title.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ||
         (incident.Service?.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ?? false) ||
         incident.Id.Contains(query.Text, StringComparison.OrdinalIgnoreCase));
}
