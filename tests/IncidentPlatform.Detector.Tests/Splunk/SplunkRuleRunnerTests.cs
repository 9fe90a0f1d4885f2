using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Splunk;

public sealed class SplunkRuleRunnerTests
{
    private static readonly DateTimeOffset Minute9 = new(2026, 11, 21, 8, 9, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_FirstTime_SearchesTheWindowThatJustEndedAndRaisesAnAlertPerServiceOverTheThreshold()
    {
        await using var rig = await SplunkRig.StartAsync();
        rig.Errors(Minute9, "payments", 7);
        rig.Errors(Minute9, "checkout", 2);
        rig.Errors(Minute9.AddMinutes(-1), "payments", 50); // before the first window: history, not news

        var next = await rig.Runner("replica-a").RunAsync(default);

        FakeSplunk.WindowOf(rig.Splunk.Exports.ShouldHaveSingleItem()).ShouldBe((Minute9, Minute9.AddMinutes(1)));
        // The next window (to 08:11) is due at 08:11:30; before that the holder wakes to renew its lease.
        next.ShouldBe(SplunkRig.Start + (rig.Options.LeaseTtl / 3));
        (await rig.CheckpointAsync()).ShouldBe("2026-11-21T08:10:00.0000000+00:00");
        var published = rig.Published().ShouldHaveSingleItem();
        var alert = published.Alert;
        published.AlertId.ShouldBe(alert.Id);
        alert.Id.ShouldBe(Ids.FromKey("alt", $"splunk\n{SplunkRig.RuleName}\npayments\n{Minute9:O}\n{Minute9.AddMinutes(1):O}"));
        alert.Source.ShouldBe("splunk");
        alert.Service.ShouldBe("payments");
        alert.Severity.ShouldBe(Severity.High);
        alert.Fingerprint.ShouldBe(SignalPublisher.Fingerprint($"splunk\n{SplunkRig.RuleName}\npayments"));
        alert.Title.ShouldBe("payment-errors: 7 events for payments in 1 min (threshold 5)");
        alert.Evidence!.Kind.ShouldBe(SignalKind.Threshold);
        alert.Evidence.Rule.ShouldBe(SplunkRig.RuleName);
        alert.Evidence.Count.ShouldBe(7);
        alert.Evidence.Threshold.ShouldBe(5);
        alert.Evidence.WindowStart.ShouldBe(Minute9);
        alert.Evidence.WindowEnd.ShouldBe(Minute9.AddMinutes(1));
        alert.Evidence.SampleLines.ShouldHaveSingleItem().ShouldBe("count=7 service=payments");
    }

    [Fact]
    public async Task Run_AfterRestart_ResumesAtTheNextWindowAndCountsEveryEventOnce()
    {
        await using var rig = await SplunkRig.StartAsync();
        for (var minute = 0; minute < 6; minute++)
        {
            rig.Errors(Minute9.AddMinutes(minute), "payments", 5 + minute);
        }

        var first = rig.Runner("replica-a");
        await first.RunAsync(default);
        await first.ReleaseAsync(default); // a graceful shutdown

        rig.Clock.Advance(TimeSpan.FromMinutes(3));
        var restarted = rig.Runner("replica-a-restarted");
        await restarted.RunAsync(default);
        await restarted.RunAsync(default); // nothing new is due: searches nothing

        rig.Splunk.Exports.Select(FakeSplunk.WindowOf).ShouldBe(
            Enumerable.Range(0, 4).Select(m => (Minute9.AddMinutes(m), Minute9.AddMinutes(m + 1))));
        rig.Published().Select(p => p.Alert.Evidence!.Count).ShouldBe([5L, 6, 7, 8]);
        rig.Published().Select(p => p.AlertId).Distinct().Count().ShouldBe(4);
        (await rig.CheckpointAsync()).ShouldBe("2026-11-21T08:13:00.0000000+00:00");
    }

    [Fact]
    public async Task Run_AfterLongDowntime_SkipsWindowsBeyondTheCatchUpLimitAndSaysSo()
    {
        await using var rig = await SplunkRig.StartAsync(o => o.MaxCatchUp = TimeSpan.FromMinutes(5));
        await rig.Runner("a").RunAsync(default);

        rig.Clock.Advance(TimeSpan.FromMinutes(50));
        await rig.Runner("a").RunAsync(default);

        var windows = rig.Splunk.Exports.Skip(1).Select(FakeSplunk.WindowOf).ToList();
        windows.Select(w => w.Latest).ShouldBe(Enumerable.Range(0, 6).Select(m => new DateTimeOffset(2026, 11, 21, 8, 55, 0, TimeSpan.Zero).AddMinutes(m)));
        rig.Board.Get(SplunkRig.RuleName).SkippedWindows.ShouldBe(44);
        var health = await rig.Health().CheckHealthAsync(new());
        health.Description!.ShouldContain("44 window(s) skipped after downtime");
    }

    [Fact]
    public async Task Run_TwoReplicas_OnlyTheLeaseHolderSearchesAndTheOtherTakesOverWhenItDies()
    {
        await using var rig = await SplunkRig.StartAsync();
        var a = rig.Runner("replica-a");
        var b = rig.Runner("replica-b");

        await Task.WhenAll(a.RunAsync(default), b.RunAsync(default));
        rig.Splunk.Exports.Count.ShouldBe(1);

        // Both wake every 10 s, as their loops do: a renews its lease and searches each window; b stands by.
        for (var step = 0; step < 6; step++)
        {
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
            await b.RunAsync(default);
            await a.RunAsync(default);
        }

        rig.Splunk.Exports.Count.ShouldBe(2);
        rig.Board.Get(SplunkRig.RuleName).Standby.ShouldBeFalse();
        await b.RunAsync(default);
        rig.Board.Get(SplunkRig.RuleName).Standby.ShouldBeTrue();

        // a dies without releasing: once its lease expires, b takes over at the next window.
        for (var step = 0; step < 12; step++)
        {
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
            await b.RunAsync(default);
        }

        rig.Splunk.Exports.Select(FakeSplunk.WindowOf).Select(w => w.Latest.Minute).ShouldBe([10, 11, 12, 13]);
        rig.Published().Count.ShouldBe(0); // no events: searched, nothing raised
        rig.Board.Get(SplunkRig.RuleName).Standby.ShouldBeFalse();
    }
}
