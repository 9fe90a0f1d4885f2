using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Consumers;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Consumers;

public sealed class LogEventsReceivedConsumerTests
{
    private static LogEventsReceived Batch(string id, params string[] lines) => new()
    {
        BatchId = id,
        OccurredAt = DateTimeOffset.UtcNow,
        Source = "cloudwatch-logs",
        Service = "payments",
        Labels = new Dictionary<string, string> { ["logGroup"] = "/ecs/payments" },
        Events = [.. lines.Select((l, i) => new LogEvent { Timestamp = DateTimeOffset.UtcNow, Message = l, Id = $"{id}-{i}" })],
    };

    [Fact]
    public async Task Consume_Batch_GoesThroughTheSourcesMinerAndCountsOnce()
    {
        await using var rig = await ConsumerRig.StartAsync();
        var batch = Batch("b-1",
            "ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms.",
            "ERROR HikariPool-1 - Connection is not available, request timed out after 30001ms.",
            "INFO POST /api/charges 200 180ms\n");

        await rig.Harness.Bus.Publish(batch);
        await rig.Harness.Bus.Publish(batch); // redelivered (or sent twice by a retrying gateway)

        (await rig.Harness.Consumed.Any<LogEventsReceived>()).ShouldBeTrue();
        await Eventually.TrueAsync(() => rig.Harness.Consumed.Select<LogEventsReceived>().Count() == 2, "both deliveries consumed");
        var source = await rig.Sources.GetAsync(LogEventsReceivedConsumer.SourceId("cloudwatch-logs", "payments"));
        source.Processed.ShouldBe(3);
    }

    [Fact]
    public async Task Consume_BatchWithoutService_UsesTheLogGroupAndSkipsEmptyEvents()
    {
        await using var rig = await ConsumerRig.StartAsync();
        var batch = Batch("b-2", "ERROR boom", "") with { Service = null };

        await rig.Harness.Bus.Publish(batch);

        await Eventually.TrueAsync(() => rig.Harness.Consumed.Select<LogEventsReceived>().Any(), "the batch consumed");
        var source = await rig.Sources.GetAsync("events:cloudwatch-logs:/ecs/payments");
        source.Processed.ShouldBe(1);
    }
}
