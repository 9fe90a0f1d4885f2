using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Channels.Console;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task FileChannel_FormatText_AppendsOneShortLinePerNotification()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ip-notifier-").FullName, "notifications.log");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops", "console", ("Path", path), ("Format", "text")));
        var incident = await host.OpenAsync(TestData.Incident());
        var remediation = TestData.Remediation(incident.Id);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.ApprovalRequested(remediation));

        (await File.ReadAllLinesAsync(path)).ShouldBe([
            $"notify 14:00:00Z HIGH {incident.Id} Incident opened — Checkout errors [checkout]",
            $"notify 14:00:00Z HIGH {incident.Id} Approval requested: aws.ecs.force-new-deployment — Checkout errors [checkout]",
        ]);
    }

    [Fact]
    public async Task StandardOutput_ByDefault_IsOneShortLineWithoutTheAlertsControlCharacters()
    {
        var output = new StringWriter();
        var channel = new ConsoleChannel("console", new ChannelOptions { Type = "console" }, output);
        var hostile = TestData.Incident(title: "Disk full\u001b[2J\nnotify 00:00:00Z CRITICAL fake line " + new string('x', 300));
        var e = new NotificationEvent
        {
            Type = EventTypes.IncidentOpened, Key = "1", IncidentId = hostile.Id, OccurredAt = TestData.Now, Incident = hostile,
        };

        var sent = await channel.SendAsync(new ChannelMessage(e, new RenderedText(), new RenderedText(), "ntf-1", "key-1"), default);

        sent.Success.ShouldBeTrue();
        var text = output.ToString();
        text.Count(c => c == '\n').ShouldBe(1); // one line, however the title tries to break it
        text.ShouldNotContain("\u001b");
        text.Length.ShouldBeLessThan(200);
        text.ShouldStartWith($"notify 14:00:00Z HIGH {hostile.Id} Incident opened — Disk full");
    }

    [Fact]
    public async Task Delivered_IsWrittenToTheIncidentsTimeline()
    {
        await using var host = await NotifierHost.StartAsync(new Dictionary<string, string?>());
        var incident = await host.OpenAsync(TestData.Incident());

        await host.PublishAsync(TestData.Opened(incident));

        var timeline = await host.Services.GetRequiredService<IIncidentStore>().GetTimelineAsync(incident.Id, 0, 10);
        var entry = timeline.ShouldHaveSingleItem();
        (entry.Kind, entry.Message, entry.Actor).ShouldBe(("notification", "Notified console: incident opened", "notifier"));
        entry.Data["eventType"].ShouldBe("IncidentOpened");
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
