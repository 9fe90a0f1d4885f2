using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Deliveries;

/// <summary><c>GET /api/incidents/{id}/deliveries</c> (scope read): the incident's delivery log, oldest first, paged.</summary>
internal static class DeliveryEndpoints
{
    public const int MaxLimit = 1000;

    public static IServiceCollection AddDeliveries(this IServiceCollection services)
    {
        services.AddScoped<DeliveryLogReader>();
        services.AddScoped<IIncidentDetailPart, DeliveriesPart>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DeliveryJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents/{id}/deliveries", async Task<IResult> (string id, int? offset, int? limit,
            IIncidentStore store, DeliveryLogReader reader, IOptions<JsonOptions> json, CancellationToken ct) =>
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

            var (items, total) = await reader.ReadAsync(id, offset ?? 0, limit ?? 100, ct);
            var options = json.Value.SerializerOptions;
            var body = new JsonObject
            {
                ["items"] = JsonSerializer.SerializeToNode(items, options.GetTypeInfo(typeof(IReadOnlyList<NotificationDelivery>))),
                ["total"] = total,
            };
            return Results.Json(body, options);
        }).RequireScope(Scopes.Read).WithName("ListDeliveries").WithSummary("The incident's notification delivery log.");
        return app;
    }
}
