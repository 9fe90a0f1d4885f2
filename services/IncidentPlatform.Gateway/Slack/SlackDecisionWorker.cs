using System.Text;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Sends each click as <see cref="DecideRemediation"/> (channel <c>slack</c>, the Slack user as actor) and replaces the
/// message through its <c>response_url</c> with the outcome, the buttons gone.
/// </summary>
internal sealed class SlackDecisionWorker(
    SlackDecisionQueue queue, IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<SlackOptions> options,
    TimeProvider time, ILogger<SlackDecisionWorker> logger) : BackgroundService
{
    public const string ClientName = "slack-response";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var decision in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                var outcome = await DecideAsync(decision, stoppingToken);
                await RespondAsync(decision, outcome, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Slack decision on {RemediationId} by {Actor} failed", decision.RemediationId, decision.Actor);
            }
        }
    }

    private async Task<string> DecideAsync(SlackDecision decision, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<DecideRemediation>>();
        var roles = options.Value.UserRoles.TryGetValue(decision.UserId, out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var verb = decision.Approve ? "Approved" : "Rejected";
        try
        {
            var response = await client.GetResponse<RemediationCommandResult>(new DecideRemediation
            {
                RemediationId = decision.RemediationId,
                OccurredAt = time.GetUtcNow(),
                Approve = decision.Approve,
                Actor = decision.Actor,
                Channel = "slack",
                Roles = roles,
            }, cancellationToken, RequestTimeout.After(s: (int)BusRequests.Timeout.TotalSeconds));
            var result = response.Message;
            logger.LogInformation("Slack decision on {RemediationId} by {Actor}: {Accepted} {Error}",
                decision.RemediationId, decision.Actor, result.Accepted, result.Error);
            return result.Accepted
                ? $"{verb} by {decision.Actor}" + (result.Remediation is { } r ? $" (now {r.State})" : "")
                : $"Not recorded: {result.Error ?? "refused"}";
        }
        catch (RequestTimeoutException)
        {
            return "Not recorded: the remediation service did not answer in time. Try again.";
        }
    }

    private async Task RespondAsync(SlackDecision decision, string outcome, CancellationToken cancellationToken)
    {
        if (decision.ResponseUrl is null)
        {
            return;
        }

        var blocks = new JsonArray();
        if (decision.OriginalBlocks is not null && JsonNode.Parse(decision.OriginalBlocks) is JsonArray original)
        {
            foreach (var block in original.Where(b => b?["type"]?.GetValue<string>() != "actions"))
            {
                blocks.Add(block?.DeepClone());
            }
        }

        var text = Escape(outcome);
        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = text }),
        });
        var body = new JsonObject { ["replace_original"] = true, ["text"] = text, ["blocks"] = blocks };
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

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
