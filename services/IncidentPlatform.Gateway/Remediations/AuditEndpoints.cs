using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// <c>GET /api/incidents/{id}/audit</c> (scope read): the incident's hash-chained audit trail as the remediation service
/// appends it (<see cref="AuditLogStream"/>), oldest first, paged by offset. <c>/audit/verify</c> checks the chain.
/// </summary>
internal static class AuditEndpoints
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents/{id}/audit", async Task<IResult> (string id, int? offset, int? limit, IIncidentStore store,
            IAppendLog log, ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (offset is < 0 || limit is < 1 or > MaxLimit)
            {
                return Problems.Validation(new Dictionary<string, string[]>
                {
                    ["offset"] = ["0 or more."], ["limit"] = [$"1 to {MaxLimit}."],
                });
            }

            if (await store.GetAsync(id, ct) is null)
            {
                return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no incident '{id}'.");
            }

            var stream = AuditLogStream.For(id);
            var (start, size) = (offset ?? 0, limit ?? 100);
            var total = await log.LengthAsync(stream, ct);
            var items = new List<AuditEntry>(size);
            foreach (var text in await log.ReadAsync(stream, start, size, ct))
            {
                if (Parse(text) is { } entry)
                {
                    items.Add(entry);
                }
                else
                {
                    // /audit/verify names the broken link; the readable entries are still shown.
                    loggers.CreateLogger(typeof(AuditEndpoints)).LogWarning("Incident {IncidentId} has an unreadable audit entry", id);
                }
            }

            var next = start + size < total ? start + size : (long?)null;
            return TypedResults.Ok(new AuditPage(items, total, next));
        }).RequireScope(Scopes.Read).WithName("GetAuditTrail")
          .WithSummary("The incident's audit trail, oldest first; pass nextOffset as offset for more.");
        return app;
    }

    private static AuditEntry? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, RemediationsJsonContext.Default.AuditEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
