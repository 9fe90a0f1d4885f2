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
}
