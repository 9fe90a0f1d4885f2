using System.Security.Claims;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Json;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>Changing incidents: acknowledge, resolve, update (scope write) and delete (scope admin), sent to the detector.</summary>
internal static class IncidentCommandEndpoints
{
    public static IEndpointRouteBuilder MapIncidentCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents/{id}");

        incidents.MapPost("/acknowledge", async Task<IResult> (string id, ClaimsPrincipal user, IncidentCommands commands,
            CancellationToken ct) => (await commands.AcknowledgeAsync(id, user.Identity!.Name!, ct)).ToResult())
            .RequireScope(Scopes.Write).WithName("AcknowledgeIncident").WithSummary("Acknowledge an incident.");

        incidents.MapPost("/resolve", async Task<IResult> (string id, HttpRequest request, ClaimsPrincipal user,
            IncidentCommands commands, CancellationToken ct) =>
        {
            var (body, problem) = request.ContentLength > 0
                ? await JsonBody.ReadAsync(request, GatewayJsonContext.Default.IncidentChangeRequest)
                : (null, null);
            return problem ?? (await commands.ResolveAsync(id, user.Identity!.Name!, body?.Reason, ct)).ToResult();
        }).RequireScope(Scopes.Write).WithName("ResolveIncident").WithSummary("Resolve an incident, with an optional reason.");

        incidents.MapPatch("/", async Task<IResult> (string id, HttpRequest request, ClaimsPrincipal user,
            IncidentCommands commands, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(request, GatewayJsonContext.Default.IncidentChangeRequest);
            return problem ?? (await commands.UpdateAsync(id, user.Identity!.Name!, body!, ct)).ToResult();
        }).RequireScope(Scopes.Write).WithName("UpdateIncident").WithSummary("Change an incident's title, severity or labels.");

        incidents.MapDelete("/", async Task<IResult> (string id, ClaimsPrincipal user, IncidentCommands commands,
            CancellationToken ct) => (await commands.DeleteAsync(id, user.Identity!.Name!, ct)).ToResult())
            .RequireScope(Scopes.Admin).WithName("DeleteIncident").WithSummary("Delete an incident with its alerts and timeline.");

        return app;
    }
}
