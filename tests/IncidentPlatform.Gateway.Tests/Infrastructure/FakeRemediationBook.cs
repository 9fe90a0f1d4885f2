using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// Until the remediation branch (its <c>remediations</c> detail part and <c>POST /api/remediations/{id}/approve|reject</c>)
/// is on main: remediations held in memory, the detail part listing them, the documented approve/reject endpoints sending
/// <see cref="DecideRemediation"/> over the bus, and a <see cref="FakeOwners"/> decision that applies it to this book.
/// </summary>
internal sealed class FakeRemediationBook
{
    public ConcurrentDictionary<string, Remediation> Remediations { get; } = new();

    public static void Register(WebApplicationBuilder builder, FakeRemediationBook book)
    {
        builder.Services.AddSingleton(book);
        builder.Services.AddScoped<IIncidentDetailPart, Part>();
    }

    public RemediationCommandResult Decide(DecideRemediation decision)
    {
        if (!Remediations.TryGetValue(decision.RemediationId, out var current))
        {
            return new RemediationCommandResult { Accepted = false, Status = 404, Error = "No such remediation." };
        }

        if (current.State != RemediationState.PendingApproval)
        {
            return new RemediationCommandResult { Accepted = false, Status = 409, Error = $"It is {current.State}." };
        }

        var decided = current with
        {
            State = decision.Approve ? RemediationState.Approved : RemediationState.Rejected,
            Decisions = [.. current.Decisions, new ApprovalDecision
            {
                Actor = decision.Actor, Channel = decision.Channel, Approved = decision.Approve, At = decision.OccurredAt,
                Comment = decision.Comment,
            }],
        };
        Remediations[decided.Id] = decided;
        return new RemediationCommandResult { Accepted = true, Remediation = decided };
    }

    /// <summary>The approve/reject endpoints as the remediation branch documents them (channel <c>ui</c> here).</summary>
    public static void MapDecisionEndpoints(IEndpointRouteBuilder app)
    {
        foreach (var (verb, approve) in new[] { ("approve", true), ("reject", false) })
        {
            app.MapPost($"/api/remediations/{{id}}/{verb}", async (string id, ClaimsPrincipal user,
                IRequestClient<DecideRemediation> client, CancellationToken ct) =>
            {
                var response = await client.GetResponse<RemediationCommandResult>(new DecideRemediation
                {
                    RemediationId = id, OccurredAt = DateTimeOffset.UtcNow, Approve = approve, Actor = user.Identity!.Name!,
                    Channel = "ui", Roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
                }, ct);
                var result = response.Message;
                return result.Accepted ? Results.Ok(result.Remediation) : Results.Problem(statusCode: result.Status, detail: result.Error);
            }).RequireAuthorization("scope:approve");
        }
    }

    private sealed class Part(FakeRemediationBook book, IOptions<JsonOptions> json) : IIncidentDetailPart
    {
        public string Name => "remediations";

        public Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken) =>
            Task.FromResult(JsonSerializer.SerializeToNode(
                book.Remediations.Values.Where(r => r.IncidentId == incident.Id).OrderBy(r => r.CreatedAt).ToList(),
                json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<Remediation>))));
    }
}
