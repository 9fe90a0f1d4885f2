using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Silences;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class SilenceTests
{
    private static readonly DateTimeOffset T0 = CorrelationFixture.T0;

    [Fact]
    public async Task Apply_SilencedAlert_OpensIncidentMarkedSilenced()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await PutSilenceAsync(fixture, "sil-maintenance", [new() { Name = "service", Value = "checkout" }]);

        var outcome = await fixture.ApplyAsync(Alerts.Generic());

        outcome.Kind.ShouldBe(CorrelationKind.Opened);
        outcome.Incident!.SilencedBy.ShouldBe("sil-maintenance");
        var opened = (await fixture.TimelineAsync(outcome.Incident.Id)).Single();
        opened.Data["silenceId"].ShouldBe("sil-maintenance");
        opened.Message.ShouldContain("does not page");
    }

    [Fact]
    public async Task Apply_SilencedAlertIntoUnsilencedIncident_IsCountedButNotSignificant()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var opened = await fixture.ApplyAsync(Alerts.Generic(severity: Severity.Medium));
        await PutSilenceAsync(fixture, "sil-1", [new() { Name = "env", Value = "prod" }]);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1)); // past the silence cache's refresh interval

        var silenced = await fixture.ApplyAsync(Alerts.Generic(severity: Severity.Critical,
            labels: new Dictionary<string, string> { ["env"] = "prod" }));

        silenced.Incident!.Id.ShouldBe(opened.Incident!.Id);
        silenced.Incident.AlertCount.ShouldBe(2);
        silenced.Incident.Severity.ShouldBe(Severity.Critical);
        silenced.Incident.SilencedBy.ShouldBeNull();
        silenced.Significant.ShouldBeFalse();
    }

    [Fact]
    public async Task Apply_UnsilencedAlertIntoSilencedIncident_LiftsTheSilence()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await PutSilenceAsync(fixture, "sil-1", [new() { Name = "env", Value = "staging" }]);
        var opened = await fixture.ApplyAsync(Alerts.Generic(labels: new Dictionary<string, string> { ["env"] = "staging" }));

        var loud = await fixture.ApplyAsync(Alerts.Generic(labels: new Dictionary<string, string> { ["env"] = "prod" }));

        opened.Incident!.SilencedBy.ShouldBe("sil-1");
        loud.Incident!.SilencedBy.ShouldBeNull();
        loud.Changes.ShouldContain("silence");
        loud.Significant.ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_ExpiredOrFutureSilence_DoesNotSilence()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await PutSilenceAsync(fixture, "sil-past", [new() { Name = "service", Value = "checkout" }], T0.AddHours(-2), T0.AddHours(-1));
        await PutSilenceAsync(fixture, "sil-future", [new() { Name = "service", Value = "checkout" }], T0.AddHours(1), T0.AddHours(2));

        var outcome = await fixture.ApplyAsync(Alerts.Generic());

        outcome.Incident!.SilencedBy.ShouldBeNull();
    }

    [Fact]
    public async Task Apply_SilenceCreatedAfterTheCacheLoaded_AppliesAfterTheRefreshInterval()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.SilenceRefreshInterval = TimeSpan.FromSeconds(5));
        await fixture.ApplyAsync(Alerts.Generic(title: "warm up the cache"));
        await PutSilenceAsync(fixture, "sil-new", [new() { Name = "service", Value = "checkout" }]);

        var before = await fixture.ApplyAsync(Alerts.Generic(title: "first"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        var after = await fixture.ApplyAsync(Alerts.Generic(title: "second"));

        before.Incident!.SilencedBy.ShouldBeNull();
        after.Incident!.SilencedBy.ShouldBe("sil-new");
    }

    internal static async Task PutSilenceAsync(CorrelationFixture fixture, string id, IReadOnlyList<SilenceMatcher> matchers,
        DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var silence = new Silence
        {
            Id = id, Matchers = matchers, StartsAt = startsAt ?? T0.AddHours(-1), EndsAt = endsAt ?? T0.AddHours(4),
            CreatedBy = "test", CreatedAt = T0.AddHours(-1),
        };
        var json = JsonSerializer.Serialize(silence, CorrelationJsonContext.Default.Silence);
        (await fixture.Documents.TryPutAsync(SilenceCache.Collection, id, json, 0)).ShouldBe(1);
    }
}
