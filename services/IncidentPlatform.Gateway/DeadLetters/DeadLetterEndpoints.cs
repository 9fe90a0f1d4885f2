using System.Text.Json.Serialization;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

namespace IncidentPlatform.Gateway.DeadLetters;

/// <summary>
/// Dead letters over REST: <c>GET /api/dead-letters</c> (scope read; where and why each failed, no bodies),
/// <c>POST /api/dead-letters/{id}/redeliver</c> and <c>/discard</c> (scope admin), and the health check that reports
/// degraded while any exist.
/// </summary>
internal static class DeadLetterEndpoints
{
    public const int MaxListed = 500;

    public static IServiceCollection AddDeadLetters(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DeadLetterHealthCheck>("dead-letters", tags: [HealthTags.Ready]);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(DeadLetterJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dead-letters", async (DeadLetterOperator dead, CancellationToken ct) =>
        {
            var items = await dead.ListAsync(MaxListed + 1, ct);
            return TypedResults.Ok(new DeadLetterList([.. items.Take(MaxListed).Select(DeadLetterView.Of)], items.Count > MaxListed));
        }).RequireScope(Scopes.Read).WithName("ListDeadLetters")
            .WithSummary("Messages that exhausted their retries (in their queue's _error queue), oldest first, with the last error.");
        var one = app.MapGroup("/api/dead-letters/{id}").RequireScope(Scopes.Admin);
        one.MapPost("/redeliver", (string id, DeadLetterOperator dead, CancellationToken ct) =>
                ActAsync(id, "redelivered", () => dead.RedeliverAsync(id, ct)))
            .WithName("RedeliverDeadLetter").WithSummary("Send a dead letter again to the queue it failed on.");
        one.MapPost("/discard", (string id, DeadLetterOperator dead, CancellationToken ct) =>
                ActAsync(id, "discarded", () => dead.DiscardAsync(id, ct)))
            .WithName("DiscardDeadLetter").WithSummary("Drop a dead letter from its error queue and the list.");
        return app;
    }

    private static async Task<IResult> ActAsync(string id, string done, Func<Task<DeadLetter?>> act)
    {
        try
        {
            return await act() is { } acted
                ? TypedResults.Ok(new DeadLetterActed(done, DeadLetterView.Of(acted)))
                : Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no dead letter '{id}'.");
        }
        catch (DeadLetterException e)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Cannot redeliver", e.Message);
        }
    }
}

/// <summary>The answer of a redeliver or discard.</summary>
internal sealed record DeadLetterActed(string Result, DeadLetterView DeadLetter);

/// <summary>Source-generated JSON for the dead-letter endpoints.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetterList))]
[JsonSerializable(typeof(DeadLetterActed))]
internal sealed partial class DeadLetterJsonContext : JsonSerializerContext;
