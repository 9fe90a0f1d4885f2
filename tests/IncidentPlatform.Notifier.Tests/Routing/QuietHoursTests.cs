using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Routing;

public sealed class QuietHoursTests
{
    private static readonly QuietHoursOptions Night = new() { Start = "22:00", End = "07:00", TimeZone = "Europe/Berlin" };

    [Theory]
    [InlineData("2026-11-18T21:30:00Z", true)]  // 22:30 in Berlin (UTC+1 in November)
    [InlineData("2026-11-18T05:59:00Z", true)]  // 06:59
    [InlineData("2026-11-18T06:00:00Z", false)] // 07:00, the end is exclusive
    [InlineData("2026-11-18T20:59:00Z", false)] // 21:59
    [InlineData("2026-07-18T20:30:00Z", true)]  // 22:30 in summer (UTC+2)
    public void IsQuiet_WindowPastMidnightInATimeZone_FollowsLocalTime(string utc, bool quiet) =>
        QuietHours.IsQuiet(Night, DateTimeOffset.Parse(utc)).ShouldBe(quiet);

    [Fact]
    public void IsQuiet_WithDays_CountsTheNightToTheDayItStarted()
    {
        var weekend = new QuietHoursOptions { Start = "20:00", End = "08:00", Days = [DayOfWeek.Saturday] };
        QuietHours.IsQuiet(weekend, new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero)).ShouldBeTrue(); // Saturday night
        QuietHours.IsQuiet(weekend, new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero)).ShouldBeTrue();  // Sunday morning, Saturday's night
        QuietHours.IsQuiet(weekend, new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero)).ShouldBeFalse(); // Sunday night
    }

    [Fact]
    public async Task DuringQuietHours_OnlyCriticalGoesThroughAndTheRestIsRecordedAsSuppressed()
    {
        await using var bed = await WebhookBed.StartAsync(new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero),
            ("QuietHours:Start", "22:00"), ("QuietHours:End", "07:00"), ("QuietHours:TimeZone", "Europe/Berlin"));
        var (fake, host) = (bed.Fake, bed.Host);
        var high = TestData.Incident(severity: Severity.High);
        var critical = TestData.Incident(severity: Severity.Critical);

        await host.PublishAsync(TestData.Opened(high));
        await host.PublishAsync(TestData.Opened(critical));

        fake.Requests.ShouldHaveSingleItem().Json().GetProperty("incidentId").GetString().ShouldBe(critical.Id);
        var suppressed = (await host.DeliveriesAsync(high.Id)).ShouldHaveSingleItem();
        suppressed.Status.ShouldBe(DeliveryStatus.Suppressed);
        suppressed.Detail.ShouldBe("quiet hours: only critical notifications go through");
    }

    [Fact]
    public async Task RouteQuietHours_ApplyToThatRouteOnly()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(_ => true, 200, "");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("day", new Uri(fake.BaseAddress, "day/")),
            ChannelConfig.Webhook("always", new Uri(fake.BaseAddress, "always/")),
            new()
            {
                ["Notifier:Routes:0:Channels:0"] = "day",
                ["Notifier:Routes:0:QuietHours:Start"] = "18:00",
                ["Notifier:Routes:0:QuietHours:End"] = "09:00",
                ["Notifier:Routes:1:Channels:0"] = "always",
            }), now: new DateTimeOffset(2026, 11, 18, 20, 0, 0, TimeSpan.Zero));

        await host.PublishAsync(TestData.Opened(TestData.Incident()));

        fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/always/hook");
    }
}
