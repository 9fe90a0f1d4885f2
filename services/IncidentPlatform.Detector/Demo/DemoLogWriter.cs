using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// Writes the demo log: every second the normal traffic of that second (timestamps spread over it), and while a fault
/// is on, <see cref="DemoOptions.FaultRecordsPerSecond"/> of its records a second. The file is appended to (and rotated by
/// renaming it to <c>.1</c> when large), exactly as an application would; the demo file source tails it. A fault with an
/// alarm raises it when it starts (<see cref="DemoAlarms"/>).
/// </summary>
internal sealed class DemoLogWriter(
    DemoPaths paths, DemoAlarms alarms, IOptions<DetectorOptions> options, TimeProvider time, ILogger<DemoLogWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value.Demo;
        var file = paths.LogFile;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Demo log source disabled: cannot create {Directory}: {Error}", Path.GetDirectoryName(file), e.Message);
            return;
        }

        var random = new Random();
        var start = time.GetUtcNow();
        var schedule = new DemoSchedule(start, demo);
        logger.LogInformation(
            "Demo log source writing {File}: faults after {FirstFault} and {SecondFault}, then one every {Interval}", file,
            demo.FirstFaultAfter, demo.SecondFaultAfter, demo.FaultInterval);

        var last = start;
        var started = -1L;
        double owedNormal = 0, owedFault = 0;
        TryAppend(file, [.. DemoTraffic.EveryKind(random, start)], demo);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Tick, time, stoppingToken);
            var now = time.GetUtcNow();
            var elapsed = now - last < MaxCatchUp ? now - last : MaxCatchUp;
            last = now;
            var active = schedule.Active(now);
            foreach (var occurrence in active.Where(o => o > started))
            {
                started = occurrence;
                var fault = DemoSchedule.FaultOf(occurrence);
                logger.LogInformation("Demo: injecting fault {Fault} into {Service} ({Summary}) for {Duration}",
                    fault.Name, fault.Service, fault.Summary, demo.FaultDuration);
                await alarms.RaiseAsync(fault, occurrence, now, stoppingToken);
            }

            owedNormal += demo.RecordsPerSecond * elapsed.TotalSeconds;
            owedFault = active.Count == 0 ? 0 : owedFault + (demo.FaultRecordsPerSecond * active.Count * elapsed.TotalSeconds);
            var records = new List<string>();
            for (; owedNormal >= 1; owedNormal--)
            {
                records.Add(DemoTraffic.Next(random, Spread(random, now, elapsed)));
            }

            for (var i = 0; owedFault >= 1; owedFault--, i++)
            {
                records.Add(DemoSchedule.FaultOf(active[i % active.Count]).Next(random, Spread(random, now, elapsed)));
            }

            TryAppend(file, [.. records.Order(StringComparer.Ordinal)], demo);
        }
    }

    private void TryAppend(string file, IReadOnlyList<string> records, DemoOptions demo)
    {
        try
        {
            Append(file, records, demo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Demo: could not write {File}: {Error}", file, e.Message);
        }
    }

    // Records sort by their leading timestamp: each second's records are written in time order.
    private static DateTimeOffset Spread(Random random, DateTimeOffset now, TimeSpan elapsed) =>
        now - (elapsed * random.NextDouble());

    private static void Append(string file, IReadOnlyList<string> records, DemoOptions demo)
    {
        if (records.Count == 0)
        {
            return;
        }

        var info = new FileInfo(file);
        if (info.Exists && info.Length >= demo.MaxFileBytes)
        {
            File.Move(file, file + ".1", overwrite: true);
        }

        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(record).Append('\n');
        }

        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
    }
}
