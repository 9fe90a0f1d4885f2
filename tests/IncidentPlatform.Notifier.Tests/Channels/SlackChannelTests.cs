using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class SlackChannelTests
{
    private static Dictionary<string, string?> Bot(FakeHttpServer fake) => ChannelConfig.Channel("ops-slack", "slack-bot",
        ("Token", "xoxb-test-token"), ("Channel", "C0OPS"), ("BaseUrl", new Uri(fake.BaseAddress, "api/").ToString()),
        ("CoalesceWindow", "00:00:00"), ("RetryDelay", "00:00:00.010"));

    private static FakeHttpServer AnswerOk(FakeHttpServer fake)
    {
        var ts = 0;
        return fake.On(r => r.Path.StartsWith("/api/chat.", StringComparison.Ordinal), async (r, response) =>
        {
            response.ContentType = "application/json";
            var n = Interlocked.Increment(ref ts);
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(
                response, $"{{\"ok\":true,\"channel\":\"C0OPS\",\"ts\":\"1700000000.00000{n}\"}}");
        });
    }

    [Fact]
    public async Task Bot_IncidentEvents_PostParentThenThreadRepliesAndUpdatesTheParent()
    {
        await using var fake = AnswerOk(await FakeHttpServer.StartAsync());
        await using var host = await NotifierHost.StartAsync(Bot(fake));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Updated(incident with { Version = 2, Severity = Severity.Critical }, "severity"));

        var requests = fake.Requests;
        requests.Select(r => r.Path).ShouldBe(["/api/chat.postMessage", "/api/chat.update", "/api/chat.postMessage"]);
        requests.ShouldAllBe(r => r.Header("Authorization") == "Bearer xoxb-test-token");
        var parent = requests[0].Json();
        parent.GetProperty("channel").GetString().ShouldBe("C0OPS");
        parent.TryGetProperty("thread_ts", out _).ShouldBeFalse();
        parent.GetProperty("blocks")[0].GetProperty("text").GetProperty("type").GetString().ShouldBe("mrkdwn");
        var update = requests[1].Json();
        update.GetProperty("ts").GetString().ShouldBe("1700000000.000001");
        update.GetProperty("channel").GetString().ShouldBe("C0OPS");
        update.GetProperty("text").GetString()!.ShouldContain("[Critical]");
        var reply = requests[2].Json();
        reply.GetProperty("thread_ts").GetString().ShouldBe("1700000000.000001");
        reply.GetProperty("text").GetString()!.ShouldContain("Incident updated (severity)");

        var deliveries = await host.DeliveriesAsync(incident.Id);
        deliveries.Select(d => d.ExternalRef).ShouldBe(["1700000000.000001", "1700000000.000003"]);
    }

    [Fact]
    public async Task Bot_ApprovalRequested_RepliesWithApproveAndRejectButtons()
    {
        await using var fake = AnswerOk(await FakeHttpServer.StartAsync());
        await using var host = await NotifierHost.StartAsync(Bot(fake));
        var incident = await host.OpenAsync(TestData.Incident());
        var remediation = TestData.Remediation(incident.Id);

        await host.PublishAsync(TestData.ApprovalRequested(remediation));

        var message = fake.Requests.ShouldHaveSingleItem().Json();
        var actions = message.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");
        var buttons = actions.GetProperty("elements").EnumerateArray().ToList();
        buttons.Select(b => b.GetProperty("action_id").GetString()).ShouldBe([SlackActionIds.Approve, SlackActionIds.Reject]);
        buttons.ShouldAllBe(b => b.GetProperty("value").GetString() == remediation.Id);
        buttons.Select(b => b.GetProperty("style").GetString()).ShouldBe(["primary", "danger"]);
        message.GetProperty("text").GetString()!.ShouldContain("Approval requested: aws.ecs.force-new-deployment");
    }

    [Fact]
    public async Task Bot_OkFalse_IsRecordedAsFailedWithSlacksError()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/api/chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
        await using var host = await NotifierHost.StartAsync(Bot(fake));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(1); // a permanent Slack error is not retried
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Detail.ShouldBe("Slack chat.postMessage: channel_not_found");
    }

    [Fact]
    public async Task Bot_RateLimited_HonoursRetryAfterThenPostsOnce()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        var calls = 0;
        fake.On(r => r.Path == "/api/chat.postMessage", async (_, response) =>
        {
            response.ContentType = "application/json";
            if (Interlocked.Increment(ref calls) == 1)
            {
                response.StatusCode = 429;
                response.Headers.RetryAfter = "2";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(response, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(response, "{\"ok\":true,\"channel\":\"C0OPS\",\"ts\":\"1.2\"}");
        });
        await using var host = await NotifierHost.StartAsync(Bot(fake));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(2);
        host.Time.RequestedDelays.ShouldContain(TimeSpan.FromSeconds(2));
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.ExternalRef.ShouldBe("1.2");
    }

    [Fact]
    public async Task Webhook_UntrustedAlertText_IsEscapedForMrkdwn()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/services/T0/B0/x", 200, "ok", "text/plain");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops-webhook", "slack-webhook",
            ("Url", new Uri(fake.BaseAddress, "services/T0/B0/x").ToString()), ("CoalesceWindow", "00:00:00")));
        var incident = TestData.Incident(title: "<!channel> pay & <https://evil.example|click>");

        await host.PublishAsync(TestData.Opened(incident));

        var body = fake.Requests.ShouldHaveSingleItem().Json();
        var section = body.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!;
        section.ShouldContain("&lt;!channel&gt; pay &amp; &lt;https://evil.example|click&gt;");
        section.ShouldNotContain("<!channel>");
        section.ShouldStartWith("*[High]"); // the built-in label is bold mrkdwn
        body.GetProperty("text").GetString()!.ShouldNotContain("<!channel>");
    }
}
