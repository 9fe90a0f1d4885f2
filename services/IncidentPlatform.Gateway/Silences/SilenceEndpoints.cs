using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// Silences and maintenance windows: <c>GET /api/silences[?state=active|pending|expired]</c> and
/// <c>GET /api/silences/{id}</c> (scope read), <c>POST /api/silences</c> and <c>DELETE /api/silences/{id}</c> (scope
/// write). Deleting ends a silence now; it stays listed as expired. Alerts a silence matches still count into incidents
/// but do not page (the detector marks the incident <c>silencedBy</c>).
/// </summary>
internal static class SilenceEndpoints
{
    private static readonly string[] States = ["pending", "active", "expired"];

    public static IHostApplicationBuilder AddSilences(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(SilenceJsonContext.Default));
        builder.Services.AddScoped<SilenceStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSilenceEndpoints(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/silences");
        silences.MapGet("/", async Task<IResult> (string? state, SilenceStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (state is not null && !States.Contains(state))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["state"] = ["One of: pending, active, expired."] });
            }

            var now = time.GetUtcNow();
            var items = (await store.ListAsync(ct)).Select(s => SilenceView.Of(s, now))
                .Where(v => state is null || v.State == state)
                .OrderByDescending(v => v.StartsAt).ThenByDescending(v => v.Id, StringComparer.Ordinal)
                .ToList();
            return TypedResults.Ok(new SilenceList(items));
        }).RequireScope(Scopes.Read).WithName("ListSilences").WithSummary("List silences with their state.");

        silences.MapGet("/{id}", async Task<IResult> (string id, SilenceStore store, TimeProvider time, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } found
                ? TypedResults.Ok(SilenceView.Of(found.Silence, time.GetUtcNow()))
                : NotFound(id))
            .RequireScope(Scopes.Read).WithName("GetSilence").WithSummary("One silence.");

        silences.MapPost("/", CreateAsync).RequireScope(Scopes.Write).WithName("CreateSilence")
            .WithSummary("Create a silence (maintenance window).");

        silences.MapDelete("/{id}", ExpireAsync).RequireScope(Scopes.Write).WithName("ExpireSilence")
            .WithSummary("End a silence now (it stays listed as expired).");
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, SilenceStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, SilenceJsonContext.Default.SilenceRequest, 64 * 1024);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var errors = SilenceValidator.Validate(body!, now, out var matchers, out var startsAt, out var endsAt);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var silence = new Silence
        {
            Id = Ids.New("sil", time),
            Matchers = matchers,
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedBy = request.HttpContext.User.Identity?.Name ?? "unknown",
            Comment = body!.Comment ?? "",
            CreatedAt = now,
        };
        await store.TryPutAsync(silence, 0, ct);
        loggers.CreateLogger(typeof(SilenceEndpoints).FullName!).LogInformation(
            "{Actor} created silence {SilenceId} from {StartsAt} to {EndsAt}", silence.CreatedBy, silence.Id, startsAt, endsAt);
        return TypedResults.Created($"/api/silences/{silence.Id}", SilenceView.Of(silence, now));
    }

    private static async Task<IResult> ExpireAsync(
        string id, HttpContext context, SilenceStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await store.GetAsync(id, ct) is not { } found)
            {
                return NotFound(id);
            }

            var now = time.GetUtcNow();
            if (found.Silence.EndsAt <= now)
            {
                return TypedResults.NoContent();
            }

            var ended = found.Silence with { StartsAt = found.Silence.StartsAt < now ? found.Silence.StartsAt : now, EndsAt = now };
            if (await store.TryPutAsync(ended, found.Version, ct))
            {
                loggers.CreateLogger(typeof(SilenceEndpoints).FullName!).LogInformation(
                    "{Actor} ended silence {SilenceId}", context.User.Identity?.Name, id);
                return TypedResults.NoContent();
            }
        }

        return Problems.Result(StatusCodes.Status409Conflict, "Conflict", $"Silence '{id}' kept changing; try again.");
    }

    private static IResult NotFound(string id) =>
        Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no silence '{id}'.");
}
