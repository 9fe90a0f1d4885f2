using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// The web UI's view of the list: every incident matching the severity, time and text filters is read (at most
/// <see cref="ScanLimit"/>, most recently updated first), counted per status and per service (each count with the other
/// filter applied, so the filter controls show what choosing them would give), filtered by status and service, sorted,
/// and one page of it returned with the total and each row's <see cref="IIncidentRowPart"/> fields. The store lists by
/// update time only; sorting and counting over what it returns keeps one listing implementation per store.
/// </summary>
internal sealed class IncidentListView(IIncidentStore store, IEnumerable<IIncidentRowPart> parts)
{
    /// <summary>The most incidents one view reads; beyond it the view says it is truncated.</summary>
    public const int ScanLimit = 5000;

    public async Task<JsonObject> GetAsync(IncidentQuery query, IncidentOrder order, JsonSerializerOptions json, CancellationToken ct)
    {
        var (matches, truncated) = await ScanAsync(query with { Status = null, Service = null, Cursor = null }, ct);
        var statuses = new JsonObject();
        foreach (var status in Enum.GetValues<IncidentStatus>())
        {
            statuses[Name(status)] = matches.Count(i => i.Status == status && ServiceMatches(query, i));
        }

        var services = new JsonObject();
        foreach (var group in matches.Where(i => i.Service is not null && (query.Status is null || i.Status == query.Status))
                     .GroupBy(i => i.Service!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            services[group.Key] = group.Count();
        }

        var selected = matches.Where(i => (query.Status is null || i.Status == query.Status) && ServiceMatches(query, i)).ToList();
        order.Apply(selected);
        var page = selected.Skip(order.Offset).Take(query.PageSize).ToList();
        var items = new JsonArray();
        foreach (var incident in page)
        {
            var row = JsonSerializer.SerializeToNode(incident, json.GetTypeInfo(typeof(Incident)))!.AsObject();
            foreach (var part in parts)
            {
                row[part.Name] = await part.GetAsync(incident, ct);
            }

            items.Add(row);
        }

        var next = order.Offset + page.Count < selected.Count ? order.Offset + page.Count : (int?)null;
        return new JsonObject
        {
            ["items"] = items,
            ["total"] = selected.Count,
            ["offset"] = order.Offset,
            ["nextOffset"] = next,
            ["truncated"] = truncated,
            ["facets"] = new JsonObject { ["status"] = statuses, ["service"] = services },
        };
    }

    private async Task<(List<Incident> Matches, bool Truncated)> ScanAsync(IncidentQuery query, CancellationToken ct)
    {
        var matches = new List<Incident>();
        var page = query with { PageSize = IncidentQueryParser.MaxPageSize };
        while (true)
        {
            var result = await store.ListAsync(page, ct);
            matches.AddRange(result.Items);
            if (result.NextCursor is null)
            {
                return (matches, false);
            }

            if (matches.Count >= ScanLimit)
            {
                return (matches.GetRange(0, ScanLimit), true);
            }

            page = page with { Cursor = result.NextCursor };
        }
    }

    private static bool ServiceMatches(IncidentQuery query, Incident incident) =>
        query.Service is null || string.Equals(incident.Service, query.Service, StringComparison.Ordinal);

    private static string Name(IncidentStatus status) => status.ToString().ToLowerInvariant();
}
