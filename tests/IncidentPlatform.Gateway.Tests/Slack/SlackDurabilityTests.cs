using System.Collections.Concurrent;
using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Slack;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Slack;

/// <summary>A Slack click is in the store before Slack gets its 200: a gateway that stops right after loses no decision.</summary>
public sealed class SlackDurabilityTests
{
    /// <summary>The remediation service of the second gateway: records decisions and accepts them.</summary>
    private sealed class RecordingRemediationService : IConsumer<DecideRemediation>
    {
        public static readonly ConcurrentQueue<DecideRemediation> Received = new();

        public async Task Consume(ConsumeContext<DecideRemediation> context)
        {
            Received.Enqueue(context.Message);
            await context.RespondAsync(new RemediationCommandResult { Accepted = true });
        }
    }

    [Fact]
    public async Task Click_GatewayStopsRightAfterTheOk_TheNextGatewaySendsTheDecision()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var slack = await FakeHttpServer.StartAsync();
        slack.On(_ => true, 200, "ok", "text/plain");
        KeyValuePair<string, string?>[] configuration =
        [
            new("Slack:SigningSecret", SlackInteractionTests.Secret), new("Slack:UserRoles:U123", "sre"),
            new("IncidentPlatform:Store", StoreOptions.Redis), new("ConnectionStrings:redis", redis.ConnectionString),
        ];
        var remediation = $"rem-ok-{Guid.NewGuid():N}";

        // The first gateway has no remediation service to answer: the click is acknowledged, its decision not yet sent.
        await using (var first = await GatewayTestHost.StartAsync(configuration))
        {
            using var response = await first.Client(apiKey: null).SendAsync(SlackInteractionTests.Signed(
                SlackInteractionTests.Payload(SlackActionIds.Approve, remediation, new Uri(slack.BaseAddress, "r"))));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        slack.Requests.ShouldBeEmpty();
        RecordingRemediationService.Received.ShouldNotContain(d => d.RemediationId == remediation);

        await using var second = await GatewayTestHost.StartAsync(configuration, consumers: bus => bus.AddConsumer<RecordingRemediationService>());
        var update = await slack.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(30));

        var decision = RecordingRemediationService.Received.Single(d => d.RemediationId == remediation);
        (decision.ActorId, decision.Approve, decision.Channel).ShouldBe(("slack:T1/U123", true, "slack"));
        update.Json().GetProperty("text").GetString().ShouldBe("Approved by slack:alice");
        await Eventually.GetAsync(
            () => second.Services.GetRequiredService<IDocumentStore>().ListAsync(SlackDecisionQueue.Collection, null, 10),
            pending => pending.Count == 0, "the sent click forgotten");
    }
}
