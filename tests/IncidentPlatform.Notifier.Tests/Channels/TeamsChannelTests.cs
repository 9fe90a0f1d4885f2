using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class TeamsChannelTests
{
    [Fact]
    public async Task IncidentOpened_PostsAdaptiveCardInMessageEnvelope()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/workflows/hook", 202, "");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops-teams", "teams",
            ("Url", new Uri(fake.BaseAddress, "workflows/hook").ToString())));
        var incident = TestData.Incident(title: "DB *pool* [exhausted]");

        await host.PublishAsync(TestData.Opened(incident));

        var body = fake.Requests.ShouldHaveSingleItem().Json();
        body.GetProperty("type").GetString().ShouldBe("message");
        var attachment = body.GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
        attachment.GetProperty("contentType").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = attachment.GetProperty("content");
        card.GetProperty("type").GetString().ShouldBe("AdaptiveCard");
        card.GetProperty("version").GetString().ShouldBe("1.4");
        var title = card.GetProperty("body")[0];
        title.GetProperty("text").GetString().ShouldBe(@"[High] DB \*pool\* \[exhausted\]");
        title.GetProperty("color").GetString().ShouldBe("Attention");
        card.GetProperty("body")[2].GetProperty("facts")[0].GetProperty("value").GetString().ShouldBe(incident.Id);
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(Contracts.DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task Throttled_HonoursRetryAfterThenDelivers()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        var calls = 0;
        fake.On(r => r.Path == "/workflows/hook", async (_, response) =>
        {
            response.StatusCode = Interlocked.Increment(ref calls) == 1 ? 429 : 202;
            if (calls == 1)
            {
                response.Headers.RetryAfter = "1";
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(response, "");
        });
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops-teams", "teams",
            ("Url", new Uri(fake.BaseAddress, "workflows/hook").ToString()), ("RetryDelay", "00:00:00.010")));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(2);
        host.Time.RequestedDelays.ShouldContain(TimeSpan.FromSeconds(1));
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Attempts.ShouldBe(2);
    }
}
