using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class ResolveTests
{
    private const string Alarm = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-cpu";

    [Fact]
    public async Task Resolve_TheOnlyFiringAlert_ResolvesIncident()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var opened = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm));
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));

        var ok = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(3)));

        ok.Kind.ShouldBe(CorrelationKind.Resolved);
        ok.Incident!.Id.ShouldBe(opened.Incident!.Id);
        ok.Incident.Status.ShouldBe(IncidentStatus.Resolved);
        ok.Incident.ResolvedBy.ShouldBe("alert");
        ok.Incident.ResolvedAt.ShouldBe(CorrelationFixture.T0.AddMinutes(3));
        ok.Incident.AlertCount.ShouldBe(2);
        (await fixture.TimelineAsync(ok.Incident.Id)).Last().Kind.ShouldBe("resolved");
    }

    [Fact]
    public async Task Resolve_WithNoIncident_IsIgnoredAndOpensNothing()
    {
        await using var fixture = await CorrelationFixture.StartAsync();

        var outcome = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved));

        outcome.Kind.ShouldBe(CorrelationKind.Ignored);
        (await fixture.AllIncidentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_OfAnAlreadyResolvedIncident_IsRecordedWithinTheDedupWindowThenIgnored()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.DedupWindow = TimeSpan.FromMinutes(10));
        await fixture.ApplyAsync(Alerts.CloudWatch(Alarm));
        var resolved = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(2)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        var late = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(21)));

        again.Kind.ShouldBe(CorrelationKind.Updated);
        again.Incident!.Status.ShouldBe(IncidentStatus.Resolved);
        again.Incident.ResolvedAt.ShouldBe(resolved.Incident!.ResolvedAt);
        late.Kind.ShouldBe(CorrelationKind.Ignored);
        (await fixture.Incidents.GetAsync(resolved.Incident.Id))!.AlertCount.ShouldBe(3);
        (await fixture.AllIncidentsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Resolve_OneOfTwoFiringMembers_KeepsIncidentOpenUntilTheOtherResolves()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        Dictionary<string, string> PodLabels(string pod) => new() { ["alertname"] = "CrashLooping", ["service"] = "checkout", ["pod"] = pod };
        var opened = await fixture.ApplyAsync(Alerts.Alertmanager(PodLabels("checkout-7d9-a")));
        var second = await fixture.ApplyAsync(Alerts.Alertmanager(PodLabels("checkout-7d9-b")));
        second.Incident!.Id.ShouldBe(opened.Incident!.Id); // pods are volatile: one fingerprint, two members

        var firstResolved = await fixture.ApplyAsync(
            Alerts.Alertmanager(PodLabels("checkout-7d9-a"), AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));
        var secondResolved = await fixture.ApplyAsync(
            Alerts.Alertmanager(PodLabels("checkout-7d9-b"), AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(2)));

        firstResolved.Kind.ShouldBe(CorrelationKind.Updated);
        firstResolved.Incident!.Status.ShouldBe(IncidentStatus.Open);
        secondResolved.Kind.ShouldBe(CorrelationKind.Resolved);
    }

    [Fact]
    public async Task Resolve_OlderThanTheLatestFiring_ResolvesNothing()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, at: CorrelationFixture.T0.AddMinutes(5)));

        var stale = await fixture.ApplyAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));

        stale.Kind.ShouldBe(CorrelationKind.Updated);
        stale.Incident!.Status.ShouldBe(IncidentStatus.Open);
    }

    [Fact]
    public async Task Resolve_GroupedIncident_ResolvesOnlyWhenEveryFingerprintRecovered()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.Sources["cloudwatch"] = new() { Group = true });
        var cpu = Alarm;
        var memory = Alarm.Replace("cpu", "memory", StringComparison.Ordinal);
        var opened = await fixture.ApplyAsync(Alerts.CloudWatch(cpu));
        var joined = await fixture.ApplyAsync(Alerts.CloudWatch(memory));
        joined.Incident!.Id.ShouldBe(opened.Incident!.Id);

        var cpuOk = await fixture.ApplyAsync(Alerts.CloudWatch(cpu, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));
        var memoryOk = await fixture.ApplyAsync(Alerts.CloudWatch(memory, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));

        cpuOk.Incident!.Status.ShouldBe(IncidentStatus.Open);
        memoryOk.Kind.ShouldBe(CorrelationKind.Resolved);
    }

    [Fact]
    public async Task Resolve_RacingWithFiringAlertsOfAnotherMember_NeverResolvesWhileOneFires()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        Dictionary<string, string> Labels(string pod) => new() { ["alertname"] = "Errors", ["service"] = "checkout", ["pod"] = pod };
        await fixture.ApplyAsync(Alerts.Alertmanager(Labels("a")));
        var replica = fixture.Replica();

        var resolve = Task.Run(() => fixture.ApplyAsync(Alerts.Alertmanager(Labels("a"), AlertStatus.Resolved, CorrelationFixture.T0.AddSeconds(1))));
        var firing = Task.Run(() => replica.ApplyAsync(Alerts.Alertmanager(Labels("b"), at: CorrelationFixture.T0.AddSeconds(2)), CancellationToken.None));
        await Task.WhenAll(resolve, firing);

        // Either b joined the open incident (which then stays open), or a resolved it first and b opened a new one.
        var unresolved = (await fixture.AllIncidentsAsync()).Where(i => i.Status != IncidentStatus.Resolved).ToList();
        unresolved.Count.ShouldBe(1);
        unresolved[0].Id.ShouldBe((await firing).Incident!.Id);
    }
}
