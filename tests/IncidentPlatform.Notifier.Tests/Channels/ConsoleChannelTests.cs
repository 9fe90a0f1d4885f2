using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class ConsoleChannelTests
{
    [Fact]
    public async Task FileChannel_AppendsOneJsonLinePerNotification()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ip-notifier-").FullName, "notifications.jsonl");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("audit", "console", ("Path", path)));
        var incident = await host.OpenAsync(TestData.Incident());
        var remediation = TestData.Remediation(incident.Id);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.ApprovalRequested(remediation));

        var lines = await File.ReadAllLinesAsync(path);
        lines.Length.ShouldBe(2);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        first.GetProperty("eventType").GetString().ShouldBe("IncidentOpened");
        first.GetProperty("channel").GetString().ShouldBe("audit");
        var second = JsonDocument.Parse(lines[1]).RootElement;
        second.GetProperty("eventType").GetString().ShouldBe("ApprovalRequested");
        second.GetProperty("remediation").GetProperty("id").GetString().ShouldBe(remediation.Id);
        // The remediation event did not carry the incident: it was loaded from the store for the message.
        second.GetProperty("incident").GetProperty("title").GetString().ShouldBe("Checkout errors");
        (await host.DeliveriesAsync(incident.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task NoChannelsConfigured_UsesTheConsoleChannel()
    {
        await using var host = await NotifierHost.StartAsync(new Dictionary<string, string?>());
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Channel.ShouldBe("console");
        delivery.ChannelType.ShouldBe("console");
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
    }
}
