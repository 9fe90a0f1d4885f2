using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Correlation;

/// <summary>The races that matter, on the Redis store the replicas share in production.</summary>
public sealed class RedisCorrelationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Apply_TwoReplicasRacingOnRedis_OneIncidentPerFingerprintAndExactCounts()
    {
        await using var fixture = await CorrelationFixture.StartAsync(redis: redis.ConnectionString);
        var replicas = new[] { fixture.Replica(), fixture.Replica() };
        var service = $"svc-{Guid.NewGuid():N}";
        var alerts = Enumerable.Range(0, 400).Select(i => Alerts.Generic(title: $"Problem {(char)('a' + i % 4)} at {i}%", service: service)).ToList();

        await Parallel.ForEachAsync(alerts.Select((alert, i) => (alert, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (item, ct) =>
            {
                var replica = replicas[item.i % 2];
                var outcome = await replica.ApplyAsync(item.alert, ct);
                await replica.CompleteAsync(item.alert, outcome, ct);
            });

        var incidents = (await fixture.Incidents.ListAsync(new IncidentPlatform.Store.IncidentQuery { Service = service, PageSize = 100 })).Items;
        incidents.Count.ShouldBe(4);
        incidents.ShouldAllBe(i => i.AlertCount == 100);
    }

    [Fact]
    public async Task Apply_SignalsGroupedAndResolvedOnRedis_OneIncidentThenResolvedOnce()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.Sources["cloudwatch"] = new() { Group = true }, redis.ConnectionString);
        var replicas = new[] { fixture.Replica(), fixture.Replica() };
        var service = $"svc-{Guid.NewGuid():N}";
        var arns = Enumerable.Range(0, 6).Select(i => $"arn:aws:cloudwatch:eu-west-1:1:alarm:{service}-{i}").ToList();

        await Task.WhenAll(arns.Select((arn, i) => Task.Run(() =>
            replicas[i % 2].ApplyAsync(Alerts.CloudWatch(arn) with { Service = service }, CancellationToken.None))));
        var resolves = await Task.WhenAll(arns.Select((arn, i) => Task.Run(() => replicas[i % 2].ApplyAsync(
            Alerts.CloudWatch(arn, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)) with { Service = service }, CancellationToken.None))));

        var incidents = (await fixture.Incidents.ListAsync(new IncidentPlatform.Store.IncidentQuery { Service = service })).Items;
        incidents.Count.ShouldBe(1);
        incidents[0].Status.ShouldBe(IncidentStatus.Resolved);
        incidents[0].AlertCount.ShouldBe(12);
        resolves.Count(r => r.Kind == CorrelationKind.Resolved).ShouldBe(1);
    }

    [Fact]
    public async Task Apply_FlappingAlarmOnRedis_ReopensTheSameIncident_ThenAGroupPastItsWindowOpensAnother()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.Sources["splunk"] = new() { Group = true }, redis.ConnectionString);
        var arn = $"arn:aws:cloudwatch:eu-west-1:1:alarm:{Guid.NewGuid():N}";
        var opened = await fixture.ApplyAsync(Alerts.CloudWatch(arn));
        await fixture.ApplyAsync(Alerts.CloudWatch(arn, AlertStatus.Resolved, CorrelationFixture.T0.AddSeconds(30)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await fixture.ApplyAsync(Alerts.CloudWatch(arn, at: CorrelationFixture.T0.AddMinutes(1)));
        var next = await fixture.ApplyAsync(Alerts.CloudWatch(arn, at: CorrelationFixture.T0.AddMinutes(1).AddSeconds(5)));

        again.Kind.ShouldBe(CorrelationKind.Reopened);
        next.Incident!.Id.ShouldBe(opened.Incident!.Id);

        var service = $"svc-{Guid.NewGuid():N}";
        var first = await fixture.ApplyAsync(Alerts.Signal("tpl-a", service: service));
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        var later = await fixture.ApplyAsync(Alerts.Signal("tpl-b", service: service));
        later.Kind.ShouldBe(CorrelationKind.Opened);
        later.Incident!.Id.ShouldNotBe(first.Incident!.Id);
        (await fixture.ApplyAsync(Alerts.Signal("tpl-a", service: service))).Incident!.Id.ShouldBe(first.Incident.Id);
    }
}
