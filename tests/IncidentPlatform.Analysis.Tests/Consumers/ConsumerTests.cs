using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Analysis.Tests.Consumers;

/// <summary>The consumers on MassTransit's test harness, over the embedded store.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private readonly FakeChatClient _model = new(ModelReplies.PoolExhaustion());
    private AnalysisTestHost _host = null!;
    private ITestHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _host = AnalysisTestHost.Create(
            new Dictionary<string, string?> { ["Analysis:Prices:fake-model:InputPerMillion"] = "3", ["Analysis:Prices:fake-model:OutputPerMillion"] = "15" },
            [new ModelProvider("fake", "fake-model", _model)],
            services: s => s.AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5));
                bus.AddAnalysisConsumers();
            }));
        _harness = _host.Services.GetRequiredService<ITestHarness>();
        _harness.TestTimeout = TimeSpan.FromSeconds(20);
        await _harness.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    private async Task<Incident> Opened(string id = "inc-pool-1")
    {
        var incident = await TestIncidents.PoolExhaustionAsync(_host.Store, _host.Time.GetUtcNow(), id);
        await _harness.Bus.Publish(new IncidentOpened { IncidentId = id, OccurredAt = _host.Time.GetUtcNow(), Incident = incident });
        return incident;
    }

    [Fact]
    public async Task IncidentOpened_IsAnalyzedStoredOnTheIncidentAndPublished()
    {
        var incident = await Opened();

        (await _harness.Published.Any<IncidentAnalyzed>(m => m.Context.Message.IncidentId == incident.Id)).ShouldBeTrue();
        var published = _harness.Published.Select<IncidentAnalyzed>().Single().Context.Message;
        var stored = (await _host.Store.GetAsync(incident.Id)).ShouldNotBeNull();
        stored.Analysis.ShouldNotBeNull().Category.ShouldBe("connection-pool-exhaustion");
        stored.Analysis.Provider.ShouldBe("fake");
        stored.Version.ShouldBe(incident.Version + 1);
        published.Analysis.CacheKey.ShouldBe(stored.Analysis.CacheKey);
        published.Analysis.AnalyzedAt.ShouldBe(stored.Analysis.AnalyzedAt);
        published.Analysis.Hypotheses.Select(h => h.Summary).ShouldBe(stored.Analysis.Hypotheses.Select(h => h.Summary));
        var entry = (await _host.Store.GetTimelineAsync(incident.Id, 0, 10)).ShouldHaveSingleItem();
        entry.Kind.ShouldBe("analyzed");
        entry.Actor.ShouldBe("analysis");
        entry.Message.ShouldStartWith("Analyzed by fake (fake-model): connection-pool-exhaustion — The Hikari pool is exhausted");
        entry.Data["tokens"].ShouldBe("1200");
        entry.Data["actions"].ShouldBe("aws.ecs.force-new-deployment");
    }

    [Fact]
    public async Task IncidentOpened_Redelivered_IsAnalyzedOnce()
    {
        var incident = await TestIncidents.PoolExhaustionAsync(_host.Store, _host.Time.GetUtcNow());
        var message = new IncidentOpened { IncidentId = incident.Id, OccurredAt = _host.Time.GetUtcNow(), Incident = incident };

        await _harness.Bus.Publish(message);
        await _harness.Bus.Publish(message);

        (await AsyncElementListExtensions.Count(AsyncElementListExtensions.Take(_harness.Consumed.SelectAsync<IncidentOpened>(), 2))).ShouldBe(2);
        _harness.Published.Select<IncidentAnalyzed>().Count().ShouldBe(1, "a consumed message has published what it publishes");
        _model.Calls.Count.ShouldBe(1);
        (await _host.Store.GetTimelineAsync(incident.Id, 0, 10)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task IncidentUpdated_NotSignificant_IsNotAnalyzed()
    {
        var incident = await TestIncidents.PoolExhaustionAsync(_host.Store, _host.Time.GetUtcNow());

        await _harness.Bus.Publish(new IncidentUpdated { IncidentId = incident.Id, OccurredAt = _host.Time.GetUtcNow(), Incident = incident, Changes = ["alerts"] });

        (await _harness.Consumed.Any<IncidentUpdated>()).ShouldBeTrue();
        _harness.Published.Select<IncidentAnalyzed>().ShouldBeEmpty();
        (await _host.Store.GetAsync(incident.Id))!.Analysis.ShouldBeNull();
    }

    [Fact]
    public async Task IncidentUpdated_Significant_IsAnalyzedForItsVersion()
    {
        await Opened();
        (await _harness.Published.Any<IncidentAnalyzed>()).ShouldBeTrue();
        var current = (await _host.Store.GetAsync("inc-pool-1"))!;

        await _harness.Bus.Publish(new IncidentUpdated
        {
            IncidentId = current.Id, OccurredAt = _host.Time.GetUtcNow(), Incident = current, Changes = ["severity"], Significant = true,
        });

        (await _harness.Consumed.Any<IncidentUpdated>()).ShouldBeTrue();
        _harness.Published.Select<IncidentAnalyzed>().Count().ShouldBe(2);
        _harness.Published.Select<IncidentAnalyzed>().Last().Context.Message.Analysis.Cached.ShouldBeTrue("the same failure is in the cache");
        _model.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnalyzeIncident_WithForce_BypassesTheCacheAndAnswersARequest()
    {
        await Opened();
        (await _harness.Published.Any<IncidentAnalyzed>()).ShouldBeTrue();
        var client = _harness.GetRequestClient<AnalyzeIncident>();

        var response = await client.GetResponse<IncidentCommandResult>(new AnalyzeIncident
        {
            IncidentId = "inc-pool-1", OccurredAt = _host.Time.GetUtcNow(), RequestedBy = "alice", RequestedById = "key:alice", Force = true,
        });

        response.Message.Accepted.ShouldBeTrue();
        response.Message.Incident.ShouldNotBeNull().Analysis.ShouldNotBeNull().Cached.ShouldBeFalse();
        _model.Calls.Count.ShouldBe(2);
        // Whoever asked is carried to the proposals (four eyes); the analysis on opening was nobody's request.
        var analyzed = _harness.Published.Select<IncidentAnalyzed>().Select(p => p.Context.Message).ToList();
        (analyzed[0].RequestedBy, analyzed[0].RequestedById).ShouldBe((null, null));
        (analyzed[^1].RequestedBy, analyzed[^1].RequestedById).ShouldBe(("alice", "key:alice"));
    }

    [Fact]
    public async Task AnalyzeIncident_ForAnUnknownIncident_AnswersNotFound()
    {
        var client = _harness.GetRequestClient<AnalyzeIncident>();

        var response = await client.GetResponse<IncidentCommandResult>(new AnalyzeIncident
        {
            IncidentId = "inc-missing", OccurredAt = _host.Time.GetUtcNow(), RequestedBy = "alice",
        });

        response.Message.Accepted.ShouldBeFalse();
        response.Message.Status.ShouldBe(404);
        _harness.Published.Select<IncidentAnalyzed>().ShouldBeEmpty();
    }
}
