using System.Text;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Sends each click of an approver (a Slack user in <see cref="SlackOptions.UserRoles"/>) as <see cref="DecideRemediation"/>
/// (channel <c>slack</c>, the Slack user as actor, <c>slack:&lt;team&gt;/&lt;user&gt;</c> as id) and replaces the message
/// through its <c>response_url</c> with the outcome, the buttons gone. A click that records nothing (not an approver, or
/// refused by the remediation service) is answered to the clicking user alone, and the buttons stay for others. Clicks
/// come from the store (<see cref="SlackDecisionQueue"/>): each is forgotten only once the remediation service answered
/// it, so one that was pending when a gateway stopped is sent by the next to start, and one the remediation service did
/// not answer in time is sent again at the next poll. A lease per click keeps two gateway replicas from sending it at once.
/// </summary>
internal sealed class SlackDecisionWorker(
    SlackDecisionQueue queue, ILeaseStore leases, IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<SlackOptions> options,
    TimeProvider time, ILogger<SlackDecisionWorker> logger) : BackgroundService
{
    public const string ClientName = "slack-response";

    /// <summary>How often pending clicks are looked for besides when one is added (after a restart, a timeout, a replica's click).</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private readonly string _owner = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (id, decision) in await queue.PendingAsync(100, stoppingToken))
                {
                    await HandleAsync(id, decision, stoppingToken);
                }

                await queue.WaitAsync(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading the pending Slack decisions failed");
                await queue.WaitAsync(Poll, time, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(string id, SlackDecision decision, CancellationToken stoppingToken)
    {
        var lease = "gateway:slack-decision:" + id;
        if (!await leases.TryAcquireAsync(lease, _owner, BusRequests.Timeout * 2, stoppingToken))
        {
            return;
        }

        try
        {
            if (await DecideAsync(decision, stoppingToken) is not var (outcome, recorded))
            {
                return; // Not answered in time: still pending, sent again at the next poll.
            }

            try
            {
                await RespondAsync(decision, outcome, recorded, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The decision is recorded; only the message's update is lost.
                logger.LogWarning(e, "Posting the outcome of the Slack decision on {RemediationId} to its response_url failed", decision.RemediationId);
            }

            await queue.DoneAsync(id);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Slack decision on {RemediationId} by {Actor} failed", decision.RemediationId, decision.Actor);
        }
        finally
        {
            await leases.ReleaseAsync(lease, _owner, CancellationToken.None);
        }
    }

    private async Task<(string Outcome, bool Recorded)?> DecideAsync(SlackDecision decision, CancellationToken cancellationToken)
    {
        var roles = options.Value.RolesOf(decision.TeamId, decision.UserId);
        if (roles.Count == 0)
        {
            logger.LogWarning("Slack user {ActorId} is not an approver (Slack:UserRoles): the click on {RemediationId} decides nothing",
                decision.ActorId, decision.RemediationId);
            return ($"Not recorded: your Slack user ({decision.TeamId}/{decision.UserId}) is not an approver here; " +
                    "an administrator maps approvers to roles in Slack:UserRoles.", false);
        }

        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<DecideRemediation>>();
        var verb = decision.Approve ? "Approved" : "Rejected";
        try
        {
            var response = await client.GetResponse<RemediationCommandResult>(new DecideRemediation
            {
                RemediationId = decision.RemediationId,
                OccurredAt = time.GetUtcNow(),
                Approve = decision.Approve,
                Actor = decision.Actor,
                ActorId = decision.ActorId,
                Channel = "slack",
                Roles = roles,
            }, cancellationToken, RequestTimeout.After(s: (int)BusRequests.Timeout.TotalSeconds));
            var result = response.Message;
            logger.LogInformation("Slack decision on {RemediationId} by {Actor}: {Accepted} {Error}",
                decision.RemediationId, decision.Actor, result.Accepted, result.Error);
            return result.Accepted
                ? ($"{verb} by {decision.Actor}" + (result.Remediation is { } r ? $" (now {r.State})" : ""), true)
                : ($"Not recorded: {result.Error ?? "refused"}", false);
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("The remediation service did not answer the Slack decision on {RemediationId} in time; it is sent again",
                decision.RemediationId);
            return null;
        }
    }

    private async Task RespondAsync(SlackDecision decision, string outcome, bool recorded, CancellationToken cancellationToken)
    {
        if (decision.ResponseUrl is null)
        {
            return;
        }

        var text = Escape(outcome);
        var body = recorded
            ? Replacement(decision, text)
            : new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = text };
        using var request = new HttpRequestMessage(HttpMethod.Post, decision.ResponseUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Slack response_url answered {Status} for {RemediationId}", (int)response.StatusCode, decision.RemediationId);
        }
    }

    // The message as it was, its buttons replaced by the outcome.
    private static JsonObject Replacement(SlackDecision decision, string text)
    {
        var blocks = new JsonArray();
        if (decision.OriginalBlocks is not null && JsonNode.Parse(decision.OriginalBlocks) is JsonArray original)
        {
            foreach (var block in original.Where(b => b?["type"]?.GetValue<string>() != "actions"))
            {
                blocks.Add(block?.DeepClone());
            }
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = text }),
        });
        return new JsonObject { ["replace_original"] = true, ["text"] = text, ["blocks"] = blocks };
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
