using IncidentPlatform.Gateway.Auth;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// Silences and maintenance windows: <c>GET /api/silences[?state=active|pending|expired]</c> and
/// <c>GET /api/silences/{id}</c> (scope read), <c>POST /api/silences</c> and <c>DELETE /api/silences/{id}</c> (scope
/// write). Deleting ends a silence now; it stays listed as expired. Alerts a silence matches still count into incidents
/// but do not page (the detector marks the incident <c>silencedBy</c>).
/// </summary>
internal static class SilenceEndpoints
{
    public static IHostApplicationBuilder AddSilences(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(SilenceJsonContext.Default));
        builder.Services.AddScoped<SilenceStore>();
        builder.Services.AddScoped<SilenceService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSilenceEndpoints(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/silences");
        silences.MapGet("/", async Task<IResult> (string? state, SilenceService service, CancellationToken ct) =>
                state is not null && !SilenceService.States.Contains(state)
                    ? Problems.Validation(new Dictionary<string, string[]> { ["state"] = ["One of: pending, active, expired."] })
                    : TypedResults.Ok(new SilenceList(await service.ListAsync(state, ct))))
            .RequireScope(Scopes.Read).WithName("ListSilences").WithSummary("List silences with their state.");

        silences.MapGet("/{id}", async Task<IResult> (string id, SilenceService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } found ? TypedResults.Ok(found) : NotFound(id))
            .RequireScope(Scopes.Read).WithName("GetSilence").WithSummary("One silence.");

        silences.MapPost("/", CreateAsync).RequireScope(Scopes.Write).WithName("CreateSilence")
            .WithSummary("Create a silence (maintenance window).");

        silences.MapDelete("/{id}", async Task<IResult> (string id, HttpContext context, SilenceService service, CancellationToken ct) =>
                await service.ExpireAsync(id, context.User.Identity?.Name ?? "unknown", ct) switch
                {
                    null => NotFound(id),
                    true => TypedResults.NoContent(),
                    false => Problems.Result(StatusCodes.Status409Conflict, "Conflict", $"Silence '{id}' kept changing; try again."),
                })
            .RequireScope(Scopes.Write).WithName("ExpireSilence").WithSummary("End a silence now (it stays listed as expired).");
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SilenceService service, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, SilenceJsonContext.Default.SilenceRequest, 64 * 1024);
        if (problem is not null)
        {
            return problem;
        }

        var (created, errors) = await service.CreateAsync(body!, request.HttpContext.User.Identity?.Name ?? "unknown", ct);
        return created is null ? Problems.Validation(errors) : TypedResults.Created($"/api/silences/{created.Id}", created);
    }

    private static IResult NotFound(string id) =>
        Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no silence '{id}'.");
}
