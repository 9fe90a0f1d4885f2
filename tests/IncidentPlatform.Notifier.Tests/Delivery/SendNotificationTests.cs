using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Delivery;

public sealed class SendNotificationTests
{
    private static async Task<(FakeHttpServer, NotifierHost)> StartAsync()
    {
        var fake = await FakeHttpServer.StartAsync();
        fake.On(_ => true, 200, "");
        var host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("ops", new Uri(fake.BaseAddress, "ops/")),
            ChannelConfig.Webhook("exec", new Uri(fake.BaseAddress, "exec/")),
            new()
            {
                ["Notifier:Routes:0:Events:0"] = "IncidentOpened", // manual sends ignore the event filter
                ["Notifier:Routes:0:Channels:0"] = "ops",
                ["Notifier:Routes:1:MinSeverity"] = "Critical",
                ["Notifier:Routes:1:Channels:0"] = "exec",
            }));
        return (fake, host);
    }

    private static SendNotification Command(string incidentId, string? channel = null, bool preview = false) => new()
    {
        IncidentId = incidentId, OccurredAt = TestData.Now, Actor = "mcp:claude", Channel = channel, Preview = preview,
        Message = "Please look at the <pool> settings",
    };

    [Fact]
    public async Task Preview_RendersForEachRoutedChannelAndSendsNothing()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var incident = await host.OpenAsync(TestData.Incident(severity: Severity.High));

        var result = await host.RequestAsync(Command(incident.Id, preview: true));

        result.Accepted.ShouldBeTrue();
        var preview = result.Deliveries.ShouldHaveSingleItem();
        preview.Channel.ShouldBe("ops");
        preview.Status.ShouldBe(DeliveryStatus.Preview);
        preview.Text.ShouldNotBeNull().ShouldContain("Message: Please look at the <pool> settings");
        fake.Requests.ShouldBeEmpty();
        (await host.DeliveriesAsync(incident.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_ToOneChannel_DeliversAndAnswersWithTheDelivery()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var incident = await host.OpenAsync(TestData.Incident(severity: Severity.Low));

        var result = await host.RequestAsync(Command(incident.Id, channel: "exec"));

        result.Accepted.ShouldBeTrue();
        result.Deliveries.ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
        var body = fake.Requests.ShouldHaveSingleItem();
        body.Path.ShouldBe("/exec/hook");
        body.Json().GetProperty("eventType").GetString().ShouldBe("Manual");
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().EventType.ShouldBe("Manual");
    }

    [Fact]
    public async Task UnknownIncident_Answers404()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var result = await host.RequestAsync(Command("inc-missing"));

        result.Accepted.ShouldBeFalse();
        result.Status.ShouldBe(404);
        result.Error.ShouldBe("Incident 'inc-missing' does not exist.");
    }

    [Fact]
    public async Task UnknownChannel_Answers422NamingTheConfiguredOnes()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var incident = await host.OpenAsync(TestData.Incident());

        var result = await host.RequestAsync(Command(incident.Id, channel: "sms"));

        result.Status.ShouldBe(422);
        result.Error.ShouldNotBeNull().ShouldContain("Channel 'sms' is not configured (configured: exec, ops)");
        fake.Requests.ShouldBeEmpty();
    }
}
