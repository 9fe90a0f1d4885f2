using System.Security.Claims;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// Approving and rejecting remediations (scope approve; the actor is the caller's name and stable id, its roles the
/// caller's roles, the channel <c>rest</c>, or <c>ui</c> when the web UI says so) and checking an incident's audit chain (scope read). The remediation service decides; the
/// gateway sends the command and maps the answer to 200, 403, 404 or 409.
/// </summary>
internal static class RemediationEndpoints
{
    public const int MaxComment = 1000;

    private static readonly string[] Channels = ["rest", "ui"];

    public static IEndpointRouteBuilder MapRemediationEndpoints(this IEndpointRouteBuilder app)
    {
        var remediations = app.MapGroup("/api/remediations/{id}").RequireScope(Scopes.Approve);
        remediations.MapPost("/approve", (string id, HttpRequest request, ClaimsPrincipal user, IRequestClient<DecideRemediation> client,
                TimeProvider time, CancellationToken ct) => DecideAsync(id, approve: true, request, user, client, time, ct))
            .WithName("ApproveRemediation").WithSummary("Approve a remediation waiting for approval.");
        remediations.MapPost("/reject", (string id, HttpRequest request, ClaimsPrincipal user, IRequestClient<DecideRemediation> client,
                TimeProvider time, CancellationToken ct) => DecideAsync(id, approve: false, request, user, client, time, ct))
            .WithName("RejectRemediation").WithSummary("Reject a remediation waiting for approval.");

        app.MapGet("/api/incidents/{id}/audit/verify", async Task<IResult> (string id, IIncidentStore store,
            IRequestClient<VerifyAuditTrail> client, TimeProvider time, CancellationToken ct) =>
        {
            if (await store.GetAsync(id, ct) is null)
            {
                return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no incident '{id}'.");
            }

            var (result, problem) = await BusRequests.SendAsync<VerifyAuditTrail, AuditTrailVerification>(
                client, new VerifyAuditTrail { IncidentId = id, OccurredAt = time.GetUtcNow() }, ct);
            return problem ?? TypedResults.Ok(new AuditVerificationResponse(
                result!.Valid, result.Entries, result.FirstBrokenSequence, result.Error));
        }).RequireScope(Scopes.Read).WithName("VerifyAuditTrail").WithSummary("Check the incident's hash-chained audit trail.");
        return app;
    }

    private static async Task<IResult> DecideAsync(
        string id, bool approve, HttpRequest request, ClaimsPrincipal user, IRequestClient<DecideRemediation> client,
        TimeProvider time, CancellationToken ct)
    {
        string? comment = null;
        var channel = "rest";
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync(request, RemediationsJsonContext.Default.RemediationDecisionRequest);
            if (problem is not null)
            {
                return problem;
            }

            comment = body!.Comment;
            if (comment is { Length: > MaxComment })
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["comment"] = [$"At most {MaxComment} characters."] });
            }

            if (body.Channel is { } given && !Channels.Contains(given, StringComparer.Ordinal))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["channel"] = [$"One of: {string.Join(", ", Channels)}."] });
            }

            channel = body.Channel ?? channel;
        }

        var command = new DecideRemediation
        {
            RemediationId = id, OccurredAt = time.GetUtcNow(), Approve = approve, Actor = user.Actor(), ActorId = user.ActorId(),
            Channel = channel, Roles = user.Roles(), Comment = comment,
        };
        var (result, busProblem) = await BusRequests.SendAsync<DecideRemediation, RemediationCommandResult>(client, command, ct);
        if (busProblem is not null)
        {
            return busProblem;
        }

        return RemediationResolveEndpoints.Answer(result!);
    }
}
