using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// Reading incidents: the filtered list (cursor-paged, or the UI's sorted and counted view, <see cref="IncidentListView"/>)
/// and one incident with its parts.
/// </summary>
internal static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").RequireScope(Scopes.Read);

        incidents.MapGet("/", async Task<IResult> (HttpRequest request, IIncidentStore store, IncidentListView view,
            IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var errors = IncidentQueryParser.Parse(request.Query, out var query);
            var order = IncidentOrder.Parse(request.Query, errors);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            if (order is not null)
            {
                return Results.Json(await view.GetAsync(query, order, json.Value.SerializerOptions, ct), json.Value.SerializerOptions);
            }

            try
            {
                var page = await store.ListAsync(query, ct);
                return TypedResults.Ok(new IncidentList(page.Items, page.NextCursor));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["cursor"] = ["Not a cursor from a previous page."] });
            }
        }).WithName("ListIncidents").WithSummary(
            "List incidents, newest update first; with sort, order or offset: sorted, paged by offset, with totals and counts.");

        incidents.MapGet("/{id}", async Task<IResult> (string id, IIncidentStore store, IEnumerable<IIncidentDetailPart> parts,
            IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var incident = await store.GetAsync(id, ct);
            if (incident is null)
            {
                return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no incident '{id}'.");
            }

            var options = json.Value.SerializerOptions;
            var body = JsonSerializer.SerializeToNode(incident, options.GetTypeInfo(typeof(Incident)))!.AsObject();
            foreach (var part in parts)
            {
                body[part.Name] = await part.GetAsync(incident, ct);
            }

            return Results.Json(body, options);
        }).WithName("GetIncident").WithSummary("One incident with its alerts, timeline, analysis and more.");

        return app;
    }
}
