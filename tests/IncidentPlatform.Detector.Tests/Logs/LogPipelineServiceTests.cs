using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Logs;

public sealed class LogPipelineServiceTests
{
    [Fact]
    public async Task Stop_SavesEverySourcesTemplatesAndAnomalyStateSoTemplateIdsSurviveTheRestart()
    {
        var clock = new FakeClock(CorrelationFixture.T0);
        await using var store = await TestStore.EmbeddedAsync(clock);
        var services = new ServiceCollection();
        services.AddMassTransitTestHarness(x => x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200)));
        await using var provider = services.BuildServiceProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var documents = store.Services.GetRequiredService<IDocumentStore>();
        var checkpoints = store.Services.GetRequiredService<ICheckpointStore>();
        var templates = new TemplateStateRepository(documents);
        var options = Options.Create(new DetectorOptions());
        var sources = new LogSources(templates, checkpoints, options, clock, NullLogger<LogSources>.Instance);
        var pipeline = new LogPipelineService(sources, new SignalPublisher(harness.Bus, clock, NullLogger<SignalPublisher>.Instance),
            templates, checkpoints, options, clock, NullLogger<LogPipelineService>.Instance);
        await pipeline.StartAsync(default);
        var source = await sources.GetAsync("file:app");
        const string line = "ERROR [payments] HikariPool-1 - Connection is not available, request timed out after 30000ms.";
        await source.ProcessAsync([new LogRecord(line, "payments")], default);
        var id = (await templates.LoadAsync("file:app")).Miner.Match(line);
        id.ShouldBeNull(); // learnt in memory only: saved at most every 30 s, and at shutdown

        await pipeline.StopAsync(default);

        var saved = (await templates.LoadAsync("file:app")).Miner.Match(line).ShouldNotBeNull();
        (await checkpoints.GetAsync(LogSource.CheckpointName("file:app"))).ShouldNotBeNull();
        var restarted = await new LogSources(templates, checkpoints, options, clock, NullLogger<LogSources>.Instance).GetAsync("file:app");
        await restarted.ProcessAsync([new LogRecord(line.Replace("30000", "30001", StringComparison.Ordinal), "payments")], default);
        (await templates.LoadAsync("file:app")).Miner.Clusters.ShouldHaveSingleItem().Id.ShouldBe(saved.TemplateId);
    }
}
