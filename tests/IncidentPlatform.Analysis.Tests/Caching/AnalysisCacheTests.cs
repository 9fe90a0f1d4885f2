using System.Diagnostics.Metrics;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Telemetry;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Analysis.Tests.Caching;

/// <summary>The analysis cache over the embedded store: keyed by error fingerprint, with a time to live.</summary>
public sealed class AnalysisCacheTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Analysis:CacheTtl"] = "01:00:00",
        ["Analysis:Prices:fake-model:InputPerMillion"] = "3",
        ["Analysis:Prices:fake-model:OutputPerMillion"] = "15",
    };

    private static (AnalysisTestHost Host, FakeChatClient Model) Create()
    {
        var model = new FakeChatClient(ModelReplies.PoolExhaustion(), inputTokens: 1000, outputTokens: 200);
        return (AnalysisTestHost.Create(Settings, [new ModelProvider("fake", "fake-model", model)]), model);
    }

    [Fact]
    public async Task Analyze_SameFailureInAnotherIncident_ReusesTheAnalysisForFree()
    {
        var (host, model) = Create();
        await using var _ = host;
        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>(), AnalysisTelemetry.Name);
        var first = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-1"), false, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(20));

        var second = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-2"), false, CancellationToken.None);

        model.Calls.Count.ShouldBe(1);
        first.Cached.ShouldBeFalse();
        first.Tokens.ShouldBe(1200);
        second.Cached.ShouldBeTrue();
        second.Provider.ShouldBe("fake");
        second.Tokens.ShouldBe(0);
        second.InputTokens.ShouldBe(0);
        second.CostUsd.ShouldBe(0m);
        second.CacheKey.ShouldBe(first.CacheKey);
        second.Category.ShouldBe(first.Category);
        second.AnalyzedAt.ShouldBe(host.Time.GetUtcNow());
        second.Notes.ShouldContain(n => n.StartsWith("Reused the analysis of incident inc-1", StringComparison.Ordinal));
        metrics.Total("incidentplatform.analysis.cache.misses").ShouldBe(1);
        metrics.Total("incidentplatform.analysis.cache.hits").ShouldBe(1);
    }

    [Fact]
    public async Task Analyze_WithForce_BypassesTheCache()
    {
        var (host, model) = Create();
        await using var _ = host;
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());
        await host.Pipeline.AnalyzeAsync(incident, false, CancellationToken.None);

        var forced = await host.Pipeline.AnalyzeAsync(incident, force: true, CancellationToken.None);

        model.Calls.Count.ShouldBe(2);
        forced.Cached.ShouldBeFalse();
        forced.Tokens.ShouldBe(1200);
    }

    [Fact]
    public async Task Analyze_AfterTheTimeToLive_AsksTheModelAgain()
    {
        var (host, model) = Create();
        await using var _ = host;
        await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-1"), false, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(61));

        var later = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-2"), false, CancellationToken.None);

        model.Calls.Count.ShouldBe(2);
        later.Cached.ShouldBeFalse();
    }

    [Fact]
    public async Task Analyze_SameErrorsInAnotherService_IsADifferentFingerprint()
    {
        var (host, model) = Create();
        await using var _ = host;
        var first = await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-1"), false, CancellationToken.None);

        var other = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-2", service: "billing-api"), false, CancellationToken.None);

        model.Calls.Count.ShouldBe(2);
        other.CacheKey.ShouldNotBe(first.CacheKey);
    }

    [Fact]
    public async Task Analyze_CacheHitForAnotherCluster_PointsTheActionAtThisIncidentsResources()
    {
        var (host, _) = Create();
        await using var __ = host;
        await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-1"), false, CancellationToken.None);
        var otherCluster = new Dictionary<string, string> { ["ecs_cluster"] = "prod-eu", ["ecs_service"] = "orders-api" };

        var hit = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-2", labels: otherCluster), false, CancellationToken.None);
        var unlabelled = await host.Pipeline.AnalyzeAsync(
            await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), "inc-3", labels: new Dictionary<string, string>()), false, CancellationToken.None);

        hit.Cached.ShouldBeTrue();
        hit.RecommendedActions.ShouldHaveSingleItem().Parameters.ShouldBe(new Dictionary<string, string> { ["cluster"] = "prod-eu", ["service"] = "orders-api" });
        unlabelled.Cached.ShouldBeTrue();
        unlabelled.RecommendedActions.ShouldBeEmpty();
        unlabelled.Notes.ShouldContain(n => n.StartsWith("Cached action aws.ecs.force-new-deployment dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_ConcurrentIncidentsWithTheSameFailure_AskTheModelOnce()
    {
        var model = new GatedChatClient(ModelReplies.PoolExhaustion());
        await using var host = AnalysisTestHost.Create(Settings, [new ModelProvider("fake", "fake-model", model)]);
        var now = host.Time.GetUtcNow();
        var incidents = new List<IncidentPlatform.Contracts.Incident>();
        for (var i = 1; i <= 4; i++)
        {
            incidents.Add(await TestIncidents.PoolExhaustionAsync(host.Store, now, $"inc-{i}"));
        }

        var first = host.Pipeline.AnalyzeAsync(incidents[0], false, CancellationToken.None);
        await model.Started;
        var others = incidents.Skip(1).Select(i => host.Pipeline.AnalyzeAsync(i, false, CancellationToken.None)).ToList();
        model.Open();
        var results = await Task.WhenAll([first, .. others]);

        model.Calls.ShouldBe(1);
        results.Count(r => r.Cached).ShouldBe(3);
    }
}
