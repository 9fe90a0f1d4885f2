using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Prompting;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Analysis.Tests.Budget;

/// <summary>Token and spend caps (shared by replicas through the store's counters) and the concurrency limit.</summary>
public sealed class BudgetTests
{
    private static Dictionary<string, string?> Settings(
        long tokensPerIncident = 60_000, decimal hourly = 5m, decimal daily = 50m, decimal pricePerMillion = 3m) => new()
    {
        ["Analysis:MaxOutputTokens"] = "1000",
        ["Analysis:Budget:MaxTokensPerIncident"] = tokensPerIncident.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Analysis:Budget:HourlyLimitUsd"] = hourly.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Analysis:Budget:DailyLimitUsd"] = daily.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Analysis:Prices:fake-model:InputPerMillion"] = pricePerMillion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Analysis:Prices:fake-model:OutputPerMillion"] = pricePerMillion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static ModelProvider Fake(FakeChatClient model) => new("fake", "fake-model", model);

    [Fact]
    public async Task Analyze_WithinBudget_RecordsTokensAndCostAndSettlesTheCounters()
    {
        var model = new FakeChatClient(ModelReplies.PoolExhaustion(), inputTokens: 5000, outputTokens: 1000);
        await using var host = AnalysisTestHost.Create(Settings(), [Fake(model)]);
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, false, CancellationToken.None);

        analysis.Tokens.ShouldBe(6000);
        analysis.CostUsd.ShouldBe(0.018m);
        (await host.Counters.GetAsync($"analysis:tokens:{incident.Id}")).ShouldBe(6000, "the reservation is settled to what was used");
        (await host.Counters.GetAsync($"analysis:spend:hour:{host.Time.GetUtcNow():yyyyMMddHH}")).ShouldBe(18_000, "micro-dollars");
        (await host.Counters.GetAsync($"analysis:spend:day:{host.Time.GetUtcNow():yyyyMMdd}")).ShouldBe(18_000);
    }

    [Fact]
    public async Task Analyze_PastThePerIncidentTokenCap_TheOfflineAnalyzerAnswersAndSaysWhy()
    {
        var model = new FakeChatClient(ModelReplies.PoolExhaustion(), inputTokens: 5000, outputTokens: 1000);
        await using var host = AnalysisTestHost.Create(Settings(tokensPerIncident: 14_000), [Fake(model)]);
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analyses = new List<IncidentPlatform.Contracts.IncidentAnalysis>();
        for (var i = 0; i < 4; i++)
        {
            analyses.Add(await host.Pipeline.AnalyzeAsync(incident, force: true, CancellationToken.None));
        }

        analyses.Sum(a => a.Tokens).ShouldBeLessThanOrEqualTo(14_000);
        analyses[0].Provider.ShouldBe("fake");
        var capped = analyses.Last();
        capped.Provider.ShouldBe("offline");
        capped.FallbackReason.ShouldNotBeNull().ShouldStartWith("fake: per-incident token cap");
        capped.Tokens.ShouldBe(0);
        model.Calls.Count.ShouldBe(analyses.Count(a => a.Provider == "fake"));
    }

    [Fact]
    public async Task Analyze_HourlySpendCap_IsSharedByReplicasAndResetsNextHour()
    {
        // $1000 per million tokens: each call costs $6; the hourly cap of $10 allows the first two calls only.
        var model = new FakeChatClient(ModelReplies.PoolExhaustion(), inputTokens: 5000, outputTokens: 1000);
        await using var replicaA = AnalysisTestHost.Create(Settings(hourly: 10m, pricePerMillion: 1000m), [Fake(model)]);
        await using var replicaB = AnalysisTestHost.Create(Settings(hourly: 10m, pricePerMillion: 1000m), [Fake(model)], shareStoreWith: replicaA);
        var now = replicaA.Time.GetUtcNow();

        var first = await replicaA.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(replicaA.Store, now, "inc-1", service: "svc-1"), false, CancellationToken.None);
        var second = await replicaB.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(replicaB.Store, now, "inc-2", service: "svc-2"), false, CancellationToken.None);
        var third = await replicaA.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(replicaA.Store, now, "inc-3", service: "svc-3"), false, CancellationToken.None);
        replicaA.Time.Advance(TimeSpan.FromHours(1));
        var nextHour = await replicaB.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(replicaB.Store, now, "inc-4", service: "svc-4"), false, CancellationToken.None);

        first.Provider.ShouldBe("fake");
        second.Provider.ShouldBe("fake");
        third.Provider.ShouldBe("offline");
        third.FallbackReason.ShouldNotBeNull().ShouldStartWith("fake: hourly spend cap: $12.00 of $10.00 spent");
        nextHour.Provider.ShouldBe("fake");
    }

    [Fact]
    public async Task Analyze_DailySpendCap_StopsModelCallsForTheDay()
    {
        var model = new FakeChatClient(ModelReplies.PoolExhaustion(), inputTokens: 5000, outputTokens: 1000);
        await using var host = AnalysisTestHost.Create(Settings(hourly: 100m, daily: 7m, pricePerMillion: 1000m), [Fake(model)]);
        var now = host.Time.GetUtcNow();

        var first = await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, now, "inc-1", service: "svc-1"), false, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromHours(2));
        var later = await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, now, "inc-2", service: "svc-2"), false, CancellationToken.None);

        first.Provider.ShouldBe("fake");
        later.Provider.ShouldBe("offline");
        later.FallbackReason.ShouldNotBeNull().ShouldStartWith("fake: daily spend cap");
    }

    [Fact]
    public async Task Analyze_WhenEveryCallSlotIsBusy_TheOfflineAnalyzerAnswers()
    {
        var model = new GatedChatClient(ModelReplies.PoolExhaustion());
        var settings = Settings();
        settings["Analysis:Budget:MaxConcurrentCalls"] = "1";
        settings["Analysis:Budget:ConcurrencyWait"] = "00:00:00.200";
        await using var host = AnalysisTestHost.Create(settings, [new ModelProvider("fake", "fake-model", model)]);
        var now = host.Time.GetUtcNow();
        var busy = host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, now, "inc-1", service: "svc-1"), false, CancellationToken.None);
        await model.Started;

        var waiting = await host.Pipeline.AnalyzeAsync(await TestIncidents.PoolExhaustionAsync(host.Store, now, "inc-2", service: "svc-2"), false, CancellationToken.None);
        model.Open();
        var first = await busy;

        waiting.Provider.ShouldBe("offline");
        waiting.FallbackReason.ShouldBe("fake: concurrency limit: 1 model calls already in flight for 0.2 s");
        first.Provider.ShouldBe("fake");
    }

    [Fact]
    public async Task Analyze_WhenTheModelTimesOut_TheBudgetCountsThePromptButTheAnalysisHasNoTokens()
    {
        var model = new GatedChatClient(ModelReplies.PoolExhaustion());
        var settings = Settings();
        settings["Analysis:Timeout"] = "00:00:00.300";
        await using var host = AnalysisTestHost.Create(settings, [new ModelProvider("fake", "fake-model", model)]);
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, false, CancellationToken.None);

        analysis.Provider.ShouldBe("offline");
        analysis.FallbackReason.ShouldBe("fake: no answer within 0.3 s");
        analysis.Tokens.ShouldBe(0);
        var context = await host.Services.GetRequiredService<IncidentContextBuilder>().BuildAsync(incident, CancellationToken.None);
        (await host.Counters.GetAsync($"analysis:tokens:{incident.Id}")).ShouldBe(PromptBuilder.Build(context).EstimatedTokens, "the prompt, not the output limit");
    }
}
