using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Delivery;

public sealed class RedeliveryTests
{
    [Fact]
    public async Task SameEventDeliveredTwice_PostsOnce()
    {
        await using var bed = await WebhookBed.StartAsync(null);
        var (fake, host) = (bed.Fake, bed.Host);
        var incident = TestData.Incident();
        var opened = TestData.Opened(incident);

        await host.PublishAsync(opened);
        await host.PublishAsync(opened);

        fake.Requests.Count.ShouldBe(1);
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
        host.Harness.Consumed.Select<IncidentOpened>().Count().ShouldBe(2);
    }

    [Fact]
    public async Task SameEventConcurrently_PostsOnce()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", async (_, response) =>
        {
            await Task.Delay(200); // keep the first delivery in flight while the copies arrive
            response.StatusCode = 200;
        });
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress));
        var incident = TestData.Incident();
        var opened = TestData.Opened(incident);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.PublishAsync(opened)));

        fake.Requests.Count.ShouldBe(1);
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DifferentChannels_EachGetTheEventOnce()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(_ => true, 200, "");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("a", new Uri(fake.BaseAddress, "a/")), ChannelConfig.Webhook("b", new Uri(fake.BaseAddress, "b/"))));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Select(r => r.Path).Order().ShouldBe(["/a/hook", "/b/hook"]);
    }
}
