using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit;

namespace IncidentPlatform.Gateway.Tests.Slack;

public sealed class SlackInteractionTests
{
    internal const string Secret = "test-signing-secret";

    /// <summary>Stands in for the remediation service: records decisions and answers as it would.</summary>
    private sealed class FakeRemediationService : IConsumer<DecideRemediation>
    {
        public static readonly ConcurrentQueue<DecideRemediation> Received = new();

        public async Task Consume(ConsumeContext<DecideRemediation> context)
        {
            Received.Enqueue(context.Message);
            var known = context.Message.RemediationId.StartsWith("rem-ok", StringComparison.Ordinal);
            await context.RespondAsync(known
                ? new RemediationCommandResult { Accepted = true }
                : new RemediationCommandResult { Accepted = false, Status = 404, Error = "no such remediation" });
        }
    }

    // U123 is an approver whatever their team; U555 only as a member of T1.
    private static Task<GatewayTestHost> StartAsync() => GatewayTestHost.StartAsync(
        [new("Slack:SigningSecret", Secret), new("Slack:UserRoles:U123", "sre, dba"), new("Slack:UserRoles:T1/U555", "sre")],
        consumers: bus => bus.AddConsumer<FakeRemediationService>());

    internal static string Payload(string actionId, string remediationId, Uri responseUrl, string userId = "U123", string teamId = "T1") =>
        JsonSerializer.Serialize(new
    {
        type = "block_actions",
        team = new { id = "T1", domain = "ops" },
        user = new { id = userId, username = "alice", team_id = teamId },
        response_url = responseUrl.ToString(),
        message = new
        {
            ts = "1700000000.000100",
            blocks = new object[]
            {
                new { type = "section", text = new { type = "mrkdwn", text = "*Approval requested*" } },
                new { type = "actions", block_id = "remediation-decision", elements = Array.Empty<object>() },
            },
        },
        actions = new[] { new { action_id = actionId, block_id = "remediation-decision", value = remediationId, type = "button" } },
    });

    internal static HttpRequestMessage Signed(string payload, DateTimeOffset? at = null, string secret = Secret)
    {
        var body = "payload=" + Uri.EscapeDataString(payload);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var signature = "v0=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    [Fact]
    public async Task ApproveClick_SignedBySlack_DecidesAsTheSlackUserAndReplacesTheMessage()
    {
        await using var slack = await FakeHttpServer.StartAsync();
        slack.On(r => r.Path == "/actions/T1/1/abc", 200, "ok", "text/plain");
        await using var host = await StartAsync();
        var remediation = $"rem-ok-{Guid.NewGuid():N}";

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Approve, remediation, new Uri(slack.BaseAddress, "actions/T1/1/abc"))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var update = await slack.WaitForRequestAsync(r => r.Path == "/actions/T1/1/abc", TimeSpan.FromSeconds(20));
        var decision = FakeRemediationService.Received.Single(d => d.RemediationId == remediation);
        decision.Approve.ShouldBeTrue();
        decision.Actor.ShouldBe("slack:alice");
        decision.ActorId.ShouldBe("slack:T1/U123");
        decision.Channel.ShouldBe("slack");
        decision.Roles.ShouldBe(["sre", "dba"]);
        var body = update.Json();
        body.GetProperty("replace_original").GetBoolean().ShouldBeTrue();
        body.GetProperty("text").GetString().ShouldBe("Approved by slack:alice");
        var blocks = body.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();
        blocks.ShouldBe(["section", "context"]); // the buttons are gone, the message stays
    }

    [Theory]
    [InlineData("U999", "T1")] // not an approver at all
    [InlineData("U555", "T9")] // an approver's user id, but clicking as a member of another team (a Slack Connect guest)
    public async Task Click_ByAUserWhoIsNotAnApprover_DecidesNothingAndTellsOnlyThatUser(string userId, string teamId)
    {
        await using var slack = await FakeHttpServer.StartAsync();
        slack.On(_ => true, 200, "ok", "text/plain");
        await using var host = await StartAsync();
        var remediation = $"rem-ok-{Guid.NewGuid():N}";

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Approve, remediation, new Uri(slack.BaseAddress, "r"), userId, teamId)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = (await slack.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(20))).Json();
        answer.GetProperty("response_type").GetString().ShouldBe("ephemeral");
        answer.GetProperty("replace_original").GetBoolean().ShouldBeFalse(); // the buttons stay for the approvers
        answer.GetProperty("text").GetString()!.ShouldStartWith($"Not recorded: your Slack user ({teamId}/{userId}) is not an approver");
        FakeRemediationService.Received.ShouldNotContain(d => d.RemediationId == remediation);
    }

    [Fact]
    public async Task Click_ByAnApproverPinnedToTheirTeam_DecidesWithTheirRoles()
    {
        await using var slack = await FakeHttpServer.StartAsync();
        slack.On(_ => true, 200, "ok", "text/plain");
        await using var host = await StartAsync();
        var remediation = $"rem-ok-{Guid.NewGuid():N}";

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Reject, remediation, new Uri(slack.BaseAddress, "r"), "U555", "T1")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await slack.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(20));
        var decision = FakeRemediationService.Received.Single(d => d.RemediationId == remediation);
        (decision.ActorId, decision.Approve).ShouldBe(("slack:T1/U555", false));
        decision.Roles.ShouldBe(["sre"]);
    }

    [Fact]
    public async Task RejectClick_OnAnUnknownRemediation_ReportsTheRefusalInSlack()
    {
        await using var slack = await FakeHttpServer.StartAsync();
        slack.On(_ => true, 200, "ok", "text/plain");
        await using var host = await StartAsync();
        var remediation = $"rem-gone-{Guid.NewGuid():N}";

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Reject, remediation, new Uri(slack.BaseAddress, "r"))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var update = await slack.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(20));
        update.Json().GetProperty("text").GetString().ShouldBe("Not recorded: no such remediation");
        FakeRemediationService.Received.Single(d => d.RemediationId == remediation).Approve.ShouldBeFalse();
    }

    [Fact]
    public async Task WrongSignature_Answers401ProblemAndDecidesNothing()
    {
        await using var host = await StartAsync();
        var remediation = $"rem-ok-{Guid.NewGuid():N}";

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Approve, remediation, new Uri("https://hooks.invalid/x")), secret: "not-the-secret"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe("The signature does not match.");
        FakeRemediationService.Received.ShouldNotContain(d => d.RemediationId == remediation);
    }

    [Fact]
    public async Task ReplayedRequest_OlderThanFiveMinutes_Answers401()
    {
        await using var host = await StartAsync();

        using var response = await host.Client(apiKey: null).SendAsync(Signed(
            Payload(SlackActionIds.Approve, "rem-ok-old", new Uri("https://hooks.invalid/x")), at: DateTimeOffset.UtcNow.AddMinutes(-6)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("outside the 5-minute window");
    }

    [Fact]
    public async Task SignedButNoPayload_Answers400()
    {
        await using var host = await StartAsync();
        using var request = Signed("{}");
        request.Content = new StringContent("nothing=here", Encoding.UTF8, "application/x-www-form-urlencoded");
        var timestamp = request.Headers.GetValues("X-Slack-Request-Timestamp").Single();
        request.Headers.Remove("X-Slack-Signature");
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:nothing=here"))));

        using var response = await host.Client(apiKey: null).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe("The form field 'payload' is missing.");
    }

    [Fact]
    public async Task WithoutASigningSecret_Answers404SayingWhatToConfigure()
    {
        await using var host = await GatewayTestHost.StartAsync(consumers: bus => bus.AddConsumer<FakeRemediationService>());

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(Payload(SlackActionIds.Approve, "rem-ok-x", new Uri("https://hooks.invalid/x"))));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("'Slack:SigningSecret'");
    }
}
