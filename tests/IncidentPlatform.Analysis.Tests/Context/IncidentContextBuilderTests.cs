using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Analysis.Tests.Context;

public sealed class IncidentContextBuilderTests
{
    private static async Task Resolve(IIncidentStore store, string id, DateTimeOffset at, string category, string resolution)
    {
        await store.UpdateAsync(id, i => i with
        {
            Status = IncidentStatus.Resolved, ResolvedAt = at, ResolvedBy = "alice", UpdatedAt = at,
            Analysis = new IncidentAnalysis
            {
                Category = category, Hypotheses = [new Hypothesis { Summary = "Pool exhausted by a report query", Confidence = 0.8 }],
                Severity = Severity.High, Provider = "offline", AnalyzedAt = at,
                RecommendedActions = [new RecommendedAction { ActionId = CatalogActions.EcsForceNewDeployment }],
            },
        });
        await store.AppendTimelineAsync(id, new TimelineEntry { At = at, Kind = "note", Message = resolution, Actor = "alice" });
        await store.AppendTimelineAsync(id, new TimelineEntry { At = at, Kind = "resolved", Message = "Resolved", Actor = "alice" });
    }

    [Fact]
    public async Task Build_GathersLinesSignalsLabelsAndTemplates()
    {
        await using var host = AnalysisTestHost.Create();
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(),
            labels: new Dictionary<string, string> { ["ecs_cluster"] = "prod-core", ["token"] = "tok_9f8e7d6c5b4a3928" });

        var context = await host.Services.GetRequiredService<IncidentContextBuilder>().BuildAsync(incident, CancellationToken.None);

        context.Lines.Select(l => (l.Id, l.Kind)).ShouldBe([
            ("L1", LineKinds.AlertTitle), ("L2", LineKinds.AlertMessage), ("L3", LineKinds.Template), ("L4", LineKinds.Sample), ("L5", LineKinds.Sample)]);
        var signal = context.Signals.ShouldHaveSingleItem();
        signal.TemplateLine.ShouldBe("L3");
        signal.SampleLines.ShouldBe(["L4", "L5"]);
        signal.Ratio.ShouldBe(915);
        context.Labels["ecs_cluster"].ShouldBe("prod-core");
        context.Labels["token"].ShouldBe("[REDACTED:secret]");
        context.Templates.ShouldBe(["a:orders-api p99 latency <num>s (threshold <num>s)", "t:tpl-hikari"]);
    }

    [Fact]
    public async Task Build_FindsRecentSimilarIncidentsAndHowTheyEnded()
    {
        await using var host = AnalysisTestHost.Create();
        var now = host.Time.GetUtcNow();
        await TestIncidents.PoolExhaustionAsync(host.Store, now.AddDays(-3), "inc-same-service", templateId: "tpl-other");
        await Resolve(host.Store, "inc-same-service", now.AddDays(-3), AnalysisCategories.ConnectionPoolExhaustion, "Killed the long-running report query");
        await TestIncidents.PoolExhaustionAsync(host.Store, now.AddDays(-1), "inc-shared-template", service: "billing-api");
        await TestIncidents.PoolExhaustionAsync(host.Store, now.AddDays(-1), "inc-unrelated", service: "search-api", templateId: "tpl-search");
        await TestIncidents.PoolExhaustionAsync(host.Store, now.AddDays(-60), "inc-too-old", templateId: "tpl-hikari");
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, now, "inc-now");

        var context = await host.Services.GetRequiredService<IncidentContextBuilder>().BuildAsync(incident, CancellationToken.None);

        context.Similar.Select(s => s.Id).ShouldBe(["inc-shared-template", "inc-same-service"]);
        var resolved = context.Similar.Single(s => s.Id == "inc-same-service");
        resolved.Status.ShouldBe(IncidentStatus.Resolved);
        resolved.ResolvedBy.ShouldBe("alice");
        resolved.Category.ShouldBe(AnalysisCategories.ConnectionPoolExhaustion);
        resolved.RootCause.ShouldBe("Pool exhausted by a report query");
        resolved.Actions.ShouldBe([CatalogActions.EcsForceNewDeployment]);
        resolved.Resolution.ShouldBe(["note: Killed the long-running report query (by alice)", "resolved: Resolved (by alice)"]);
    }

    [Fact]
    public async Task Build_AlertLabels_AreMergedUnderTheIncidentsOwn()
    {
        await using var host = AnalysisTestHost.Create();
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow(), labels: new Dictionary<string, string> { ["env"] = "prod" });
        await host.Store.AddAlertAsync(incident.Id, new Alert
        {
            Id = "a2", Source = "cloudwatch", Title = "RDS connections high", Message = "DatabaseConnections 497", Severity = Severity.High,
            Timestamp = host.Time.GetUtcNow(), Labels = new Dictionary<string, string> { ["env"] = "staging", ["DBInstanceIdentifier"] = "orders-db" },
        });

        var context = await host.Services.GetRequiredService<IncidentContextBuilder>().BuildAsync(incident, CancellationToken.None);

        context.Labels["env"].ShouldBe("prod");
        context.Labels["DBInstanceIdentifier"].ShouldBe("orders-db");
    }
}
