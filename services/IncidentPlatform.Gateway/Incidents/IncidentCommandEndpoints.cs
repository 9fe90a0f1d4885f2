using System.Security.Claims;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Alerts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Json;
using MassTransit;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>Changing incidents: acknowledge, resolve, update (scope write) and delete (scope admin), sent to the detector.</summary>
internal static class IncidentCommandEndpoints
{
    public static IEndpointRouteBuilder MapIncidentCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents/{id}");

        incidents.MapPost("/acknowledge", async Task<IResult> (string id, ClaimsPrincipal user,
            IRequestClient<AcknowledgeIncident> client, TimeProvider time, CancellationToken ct) =>
            await Send(client, new AcknowledgeIncident { IncidentId = id, Actor = user.Identity!.Name!, OccurredAt = time.GetUtcNow() }, ct))
            .RequireScope(Scopes.Write).WithName("AcknowledgeIncident");

        incidents.MapPost("/resolve", async Task<IResult> (string id, HttpRequest request, ClaimsPrincipal user,
            IRequestClient<ResolveIncident> client, TimeProvider time, CancellationToken ct) =>
        {
            var reason = request.ContentLength > 0 ? await ReadReasonAsync(request) : (null, null);
            return reason.Problem ?? await Send(client, new ResolveIncident
            {
                IncidentId = id, Actor = user.Identity!.Name!, OccurredAt = time.GetUtcNow(), Reason = reason.Text,
            }, ct);
        }).RequireScope(Scopes.Write).WithName("ResolveIncident");

        incidents.MapPatch("/", async Task<IResult> (string id, HttpRequest request, ClaimsPrincipal user,
            IRequestClient<UpdateIncident> client, TimeProvider time, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(request, GatewayJsonContext.Default.IncidentChangeRequest);
            if (problem is not null)
            {
                return problem;
            }

            Severity? severity = null;
            if (body!.Severity is not null)
            {
                if (!SeverityNames.TryParse(body.Severity, out var parsed))
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["severity"] = [$"One of: {SeverityNames.Accepted}."] });
                }

                severity = parsed;
            }

            if (body.Title is { Length: > AlertValidator.MaxTitle } || body.Title is "")
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["title"] = [$"1 to {AlertValidator.MaxTitle} characters."] });
            }

            return await Send(client, new UpdateIncident
            {
                IncidentId = id, Actor = user.Identity!.Name!, OccurredAt = time.GetUtcNow(),
                Title = body.Title, Severity = severity, Labels = body.Labels, Note = body.Note,
            }, ct);
        }).RequireScope(Scopes.Write).WithName("UpdateIncident");

        incidents.MapDelete("/", async Task<IResult> (string id, ClaimsPrincipal user, IRequestClient<DeleteIncident> client,
            TimeProvider time, CancellationToken ct) =>
            await Send(client, new DeleteIncident { IncidentId = id, Actor = user.Identity!.Name!, OccurredAt = time.GetUtcNow() }, ct))
            .RequireScope(Scopes.Admin).WithName("DeleteIncident");

        return app;
    }

    private static async Task<(string? Text, IResult? Problem)> ReadReasonAsync(HttpRequest request)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, GatewayJsonContext.Default.IncidentChangeRequest);
        return (body?.Reason, problem);
    }

    private static async Task<IResult> Send<T>(IRequestClient<T> client, T command, CancellationToken ct) where T : class
    {
        var (result, problem) = await BusRequests.SendAsync<T, IncidentCommandResult>(client, command, ct);
        if (problem is not null)
        {
            return problem;
        }

        return result!.Accepted
            ? result.Incident is null ? TypedResults.NoContent() : TypedResults.Ok(result.Incident)
            : Problems.Result(result.Status, result.Status == 404 ? "Not found" : "Refused", result.Error ?? "Refused.");
    }
}
