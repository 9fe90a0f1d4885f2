using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Logs;

public sealed class LogSourcesTests
{
    private const string Source = "file:app";

    private static LogRecord Refused(int i, DateTimeOffset at) =>
        new($"{at:yyyy-MM-ddTHH:mm:ss}Z ERROR [checkout] Connection to 10.0.3.{i % 250} refused after {i} ms", "checkout");

    private static LogRecord Request(int i, DateTimeOffset at) =>
        new($"{at:yyyy-MM-ddTHH:mm:ss}Z INFO [checkout] GET /api/cart/{i} 200 {i % 90}ms", "checkout");

    [Fact]
    public async Task GetAsync_AfterRestart_KeepsTemplateIdsBaselineAndWarmUp()
    {
        // 20 s into each minute: a minute later (past the 15 s lateness) that minute's bucket closes.
        var clock = new FakeClock(CorrelationFixture.T0.AddSeconds(20));
        await using var store = await TestStore.EmbeddedAsync(clock);
        string templateId;
        {
            var sources = Sources(store, clock);
            var source = await sources.GetAsync(Source);
            for (var minute = 0; minute < 16; minute++)
            {
                await source.ProcessAsync([.. Enumerable.Range(0, 20).Select(i => Request(i, clock.GetUtcNow()))], default);
                await source.ProcessAsync(minute % 8 == 0 ? [Refused(minute, clock.GetUtcNow())] : [], default);
                clock.Advance(TimeSpan.FromMinutes(1));
                (await source.CloseAsync(default)).ShouldBeEmpty();
            }

            await source.SaveAsync(Templates(store), Checkpoints(store), TimeSpan.Zero, force: true, default);
            templateId = (await Templates(store).LoadAsync(Source)).Miner
                .Match(LineTimestamps.StripLeading(Refused(1, clock.GetUtcNow()).Text, out _))!.Value.TemplateId;
        }

        var restarted = await Sources(store, clock).GetAsync(Source);
        await restarted.ProcessAsync([.. Enumerable.Range(0, 40).Select(i => Refused(i, clock.GetUtcNow()))], default);
        await restarted.ProcessAsync([new LogRecord($"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ss}Z FATAL [checkout] Out of file descriptors", "checkout")], default);
        clock.Advance(TimeSpan.FromMinutes(1));
        var signals = await restarted.CloseAsync(default);

        var baseline = signals.Single(s => s.Evidence.Kind == SignalKind.Baseline);
        baseline.Evidence.TemplateId.ShouldBe(templateId); // the same id as before the restart
        baseline.Evidence.Baseline.ShouldBe(0);
        // The warm-up ran from the first start, not from the restart: a new error template signals at once.
        signals.Single(s => s.Evidence.Kind == SignalKind.NewTemplate).Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public async Task SaveAsync_OnlyWhatChanged_TemplatesWhenNewAndCountsOnceABucket()
    {
        var clock = new FakeClock(CorrelationFixture.T0);
        await using var store = await TestStore.EmbeddedAsync(clock);
        var source = await Sources(store, clock).GetAsync(Source);
        await source.ProcessAsync([Request(1, clock.GetUtcNow())], default);
        await source.SaveAsync(Templates(store), Checkpoints(store), TimeSpan.Zero, force: false, default);
        var version = (await store.Services.GetRequiredService<IDocumentStore>().GetAsync(TemplateStateRepository.Collection, Source))!.Version;

        await source.ProcessAsync([Request(2, clock.GetUtcNow())], default);
        await source.SaveAsync(Templates(store), Checkpoints(store), TimeSpan.Zero, force: false, default);

        (await store.Services.GetRequiredService<IDocumentStore>().GetAsync(TemplateStateRepository.Collection, Source))!
            .Version.ShouldBe(version);
        (await Checkpoints(store).GetAsync(LogSource.CheckpointName(Source))).ShouldBeNull(); // no bucket closed yet

        clock.Advance(TimeSpan.FromMinutes(2));
        await source.CloseAsync(default);
        await source.SaveAsync(Templates(store), Checkpoints(store), TimeSpan.Zero, force: false, default);
        (await Checkpoints(store).GetAsync(LogSource.CheckpointName(Source))).ShouldNotBeNull();
    }

    internal static LogSources Sources(TestStore store, TimeProvider clock, DetectorOptions? options = null) => new(
        Templates(store), Checkpoints(store), Options.Create(options ?? new DetectorOptions()), clock, NullLogger<LogSources>.Instance);

    private static TemplateStateRepository Templates(TestStore store) => new(store.Services.GetRequiredService<IDocumentStore>());

    private static ICheckpointStore Checkpoints(TestStore store) => store.Services.GetRequiredService<ICheckpointStore>();
}
