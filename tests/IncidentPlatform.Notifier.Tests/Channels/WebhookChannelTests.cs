using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class WebhookChannelTests
{
    [Fact]
    public async Task RemediationInterrupted_ToWebhook_SaysItNeedsAPerson()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "{}");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = await host.OpenAsync(TestData.Incident());
        var remediation = TestData.Remediation(incident.Id) with { State = RemediationState.Interrupted };

        await host.PublishAsync(new RemediationInterrupted
        {
            IncidentId = incident.Id, RemediationId = remediation.Id, OccurredAt = host.Time.GetUtcNow(), Remediation = remediation,
            Reason = "interrupted: no result within 00:15:00 of starting",
        });

        var request = fake.Requests.ShouldHaveSingleItem();
        request.Header("X-IncidentPlatform-Event").ShouldBe("RemediationInterrupted");
        var json = request.Json();
        json.GetProperty("text").GetString()!.ShouldContain("Remediation interrupted, needs a person: aws.ecs.force-new-deployment");
        json.GetProperty("remediation").GetProperty("state").GetString().ShouldBe("Interrupted");
    }

    [Fact]
    public async Task IncidentOpened_ToWebhook_PostsSignedJson()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "{}");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = TestData.Incident(title: "Checkout <b>errors</b>");

        await host.PublishAsync(TestData.Opened(incident));

        var request = fake.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        // The HMAC-SHA256 of "{timestamp}.{body}", the timestamp (Unix seconds, now) in its own header.
        var timestamp = request.Header("X-IncidentPlatform-Timestamp").ShouldNotBeNull();
        timestamp.ShouldBe(host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. request.Body]));
        request.Header("X-IncidentPlatform-Signature").ShouldBe(expected);
        request.Header("X-IncidentPlatform-Event").ShouldBe("IncidentOpened");
        request.Header("Idempotency-Key").ShouldBe($"{incident.Id}:IncidentOpened:v1:ops-hook");
        var json = request.Json();
        json.GetProperty("eventType").GetString().ShouldBe("IncidentOpened");
        json.GetProperty("incidentId").GetString().ShouldBe(incident.Id);
        json.GetProperty("severity").GetString().ShouldBe("High");
        json.GetProperty("title").GetString().ShouldBe("[High] Checkout <b>errors</b>");
        json.GetProperty("incident").GetProperty("service").GetString().ShouldBe("checkout");

        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.Channel.ShouldBe("ops-hook");
        delivery.ChannelType.ShouldBe("webhook");
        delivery.Attempts.ShouldBe(1);
        (await host.Harness.Published.Any<NotificationDelivered>(m => m.Context.Message.IncidentId == incident.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task ServerErrors_ThenSuccess_RetriesWithBackoffAndDeliversOnce()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        var calls = 0;
        fake.On(r => r.Path == "/hook", async (_, response) =>
        {
            response.StatusCode = Interlocked.Increment(ref calls) <= 2 ? 503 : 200;
            await response.WriteAsync("");
        });
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(3);
        fake.Requests.Select(r => r.Header("X-IncidentPlatform-Delivery")).Distinct().Count().ShouldBe(1);
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task TooManyRequests_HonoursRetryAfter()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        var calls = 0;
        fake.On(r => r.Path == "/hook", async (_, response) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                response.StatusCode = 429;
                response.Headers.RetryAfter = "1";
            }

            await response.WriteAsync("");
        });
        // The exponential backoff alone would retry after ~10 ms; Retry-After says one second.
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(2);
        host.Time.RequestedDelays.ShouldContain(TimeSpan.FromSeconds(1));
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task ClientError_FailsWithoutRetryAndPublishesNotificationFailed()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 400, "{\"error\":\"bad payload\"}");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(1);
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Attempts.ShouldBe(1);
        delivery.Detail.ShouldNotBeNull().ShouldContain("HTTP 400");
        delivery.Detail.ShouldContain("bad payload");
        (await host.Harness.Published.Any<NotificationFailed>(m => m.Context.Message.IncidentId == incident.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxRetryDelay_FailsInsteadOfWaiting()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 429, "", headers: new Dictionary<string, string> { ["Retry-After"] = "3600" });
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress, ("MaxRetryDelay", "00:01:00")));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(1);
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Detail.ShouldNotBeNull().ShouldContain("longer than MaxRetryDelay");
    }
}
