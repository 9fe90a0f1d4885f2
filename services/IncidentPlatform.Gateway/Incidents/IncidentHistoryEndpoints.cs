using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary><c>GET /api/incidents/{id}/timeline</c> and <c>/alerts</c>, paged by offset (scope read).</summary>
internal static class IncidentHistoryEndpoints
{
    public const int MaxPage = 500;

    public static IEndpointRouteBuilder MapIncidentHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var incident = app.MapGroup("/api/incidents/{id}").RequireScope(Scopes.Read);

        incident.MapGet("/timeline", async Task<IResult> (string id, int? offset, int? limit, IIncidentStore store, CancellationToken ct) =>
        {
            if (Page(offset, limit, 100) is not var (start, size))
            {
                return PageProblem();
            }

            if (await store.GetAsync(id, ct) is null)
            {
                return NotFound(id);
            }

            var items = await store.GetTimelineAsync(id, start, size, ct);
            return TypedResults.Ok(new Page<TimelineEntry>(items, items.Count == size ? start + size : null));
        }).WithName("GetIncidentTimeline").WithSummary("The incident's timeline, oldest first; pass nextOffset as offset for more.");

        incident.MapGet("/alerts", async Task<IResult> (string id, int? offset, int? limit, IIncidentStore store, CancellationToken ct) =>
        {
            if (Page(offset, limit, 50) is not var (start, size))
            {
                return PageProblem();
            }

            if (await store.GetAsync(id, ct) is null)
            {
                return NotFound(id);
            }

            // The store keeps the newest alerts (bounded per incident) and reads them newest first from the start.
            var read = await store.GetAlertsAsync(id, start + size + 1, ct);
            var items = read.Skip(start).Take(size).ToList();
            return TypedResults.Ok(new Page<Alert>(items, read.Count > start + size ? start + size : null));
        }).WithName("GetIncidentAlerts").WithSummary("The incident's stored alerts, newest first; pass nextOffset as offset for more.");

        return app;
    }

    private static (int Offset, int Limit)? Page(int? offset, int? limit, int defaultLimit) =>
        offset is < 0 || limit is < 1 or > MaxPage ? null : (offset ?? 0, limit ?? defaultLimit);

    private static IResult PageProblem() => Problems.Validation(new Dictionary<string, string[]>
    {
        ["offset"] = ["0 or more."], ["limit"] = [$"1 to {MaxPage}."],
    });

    private static IResult NotFound(string id) =>
        Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no incident '{id}'.");
}
