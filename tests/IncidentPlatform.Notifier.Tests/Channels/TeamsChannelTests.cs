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
}
