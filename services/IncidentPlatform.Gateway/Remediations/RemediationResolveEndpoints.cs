using System.Security.Claims;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// Resolving an interrupted remediation (scope approve): a person says it succeeded, failed, or should run again. The
/// remediation service checks that it is interrupted (409 otherwise) and, for a re-run, the rule's roles (403).
/// </summary>
internal static class RemediationResolveEndpoints
{
    private static readonly string[] Channels = ["rest", "ui"];

    public static IEndpointRouteBuilder MapRemediationResolveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/remediations/{id}/resolve", async Task<IResult> (string id, HttpRequest request, ClaimsPrincipal user,
            IRequestClient<ResolveRemediation> client, TimeProvider time, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(request, RemediationsJsonContext.Default.RemediationResolveRequest);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new Dictionary<string, string[]>();
            var resolution = Parse(body!.Resolution);
            if (resolution is null)
            {
                errors["resolution"] = ["One of: succeeded, failed, rerun."];
            }

            if (body.Comment is { Length: > RemediationEndpoints.MaxComment })
            {
                errors["comment"] = [$"At most {RemediationEndpoints.MaxComment} characters."];
            }

            if (body.Channel is { } given && !Channels.Contains(given, StringComparer.Ordinal))
            {
                errors["channel"] = [$"One of: {string.Join(", ", Channels)}."];
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var (result, busProblem) = await BusRequests.SendAsync<ResolveRemediation, RemediationCommandResult>(client, new ResolveRemediation
            {
                RemediationId = id, OccurredAt = time.GetUtcNow(), Resolution = resolution!.Value, Actor = user.Actor(),
                ActorId = user.ActorId(), Channel = body.Channel ?? "rest", Roles = user.Roles(), Comment = body.Comment,
            }, ct);
            return busProblem ?? Answer(result!);
        }).RequireScope(Scopes.Approve).WithName("ResolveRemediation")
            .WithSummary("Resolve an interrupted remediation: it succeeded, it failed, or run it again.");
        return app;
    }

    /// <summary>The remediation service's answer to a command as HTTP: 200 with the remediation, or 403, 404, 409.</summary>
    public static IResult Answer(RemediationCommandResult result)
    {
        if (result.Accepted)
        {
            return TypedResults.Ok(result.Remediation);
        }

        var (status, title) = result.Status switch
        {
            StatusCodes.Status403Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            StatusCodes.Status404NotFound => (StatusCodes.Status404NotFound, "Not found"),
            _ => (StatusCodes.Status409Conflict, "Conflict"),
        };
        return Problems.Result(status, title, result.Error ?? "The command was refused.");
    }

    private static RemediationResolution? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "succeeded" => RemediationResolution.Succeeded,
        "failed" => RemediationResolution.Failed,
        "rerun" => RemediationResolution.Rerun,
        _ => null,
    };
}
