using System.Diagnostics;
using System.Globalization;
using System.Text;
using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.LogTemplates;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Bench.Detection;

/// <summary>
/// Records per second through the whole log path on one thread: a file tailed (read, split into lines, stack traces
/// joined, service found by pattern), every record mined into a template, its level found and counted by the anomaly
/// detector. The file is the demo's realistic multi-service log with a fault's stack traces mixed in. Also the two
/// stages alone (tailing; mining and counting records already in memory), for where the time goes.
/// </summary>
internal sealed class DetectThroughputBenchmark : IBenchmark
{
    public string Name => "detect-throughput";

    public string Description => "records/s through tail → miner → anomaly detection on one thread [--records N] (default 2,000,000)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = args is ["--records", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 2_000_000;
        var directory = Directory.CreateTempSubdirectory("ip-bench-detect-").FullName;
        try
        {
            var file = Path.Combine(directory, "services.log");
            var (records, lines, bytes) = Generate(file, total);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{records:N0} records ({lines:N0} lines, {bytes / 1048576.0:F0} MiB, {bytes / (double)lines:F0} bytes/line) in {file}"));

            await MeasureAsync("warm-up (whole path)", file, process: true, cancellationToken);
            var batches = await MeasureAsync("tail only", file, process: false, cancellationToken);
            await MeasureProcessingAsync("miner + anomaly only", batches, cancellationToken);
            await MeasureAsync("tail → miner → anomaly", file, process: true, cancellationToken);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (long Records, long Lines, long Bytes) Generate(string file, int total)
    {
        var random = new Random(42);
        var at = DateTimeOffset.UtcNow;
        var fault = DemoFaults.All[0];
        long lines = 0;
        using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < total; i++)
        {
            // One record in fifty from the fault (some with stack traces), the rest normal traffic.
            var record = i % 50 == 0 ? fault.Next(random, at) : DemoTraffic.Next(random, at);
            lines += record.Count(c => c == '\n') + 1;
            writer.Write(record);
            writer.Write('\n');
        }

        writer.Flush();
        return (total, lines, new FileInfo(file).Length);
    }

    /// <summary>Tails the whole file (processing each batch, or keeping them); returns the batches kept.</summary>
    private static async Task<List<IReadOnlyList<LogRecord>>> MeasureAsync(string what, string file, bool process, CancellationToken cancellationToken)
    {
        var options = new FileSourceOptions
        {
            Path = file, Service = "demo", ServicePattern = DemoSource.ServicePattern, StartAt = TailStart.Beginning,
        };
        using var tailer = new FileTailer("bench", options, Path.GetDirectoryName(file)!, new MemoryCheckpoints(), TimeProvider.System, NullLogger.Instance);
        var source = NewSource();
        var kept = new List<IReadOnlyList<LogRecord>>();
        long records = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        TailBatch batch;
        do
        {
            batch = await tailer.PollAsync(cancellationToken);
            records += batch.Records.Count;
            if (process)
            {
                await source.ProcessAsync(batch.Records, cancellationToken);
            }
            else
            {
                kept.Add(batch.Records);
            }
        }
        while (batch.More);

        Report(what, records, watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
        return kept;
    }

    /// <summary>The records already in memory, through a fresh source's miner and anomaly detector.</summary>
    private static async Task MeasureProcessingAsync(string what, List<IReadOnlyList<LogRecord>> batches, CancellationToken cancellationToken)
    {
        var source = NewSource();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await source.ProcessAsync(batch, cancellationToken);
        }

        Report(what, batches.Sum(b => (long)b.Count), watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static LogSource NewSource()
    {
        var time = TimeProvider.System;
        return new LogSource("file:bench", new SavedMiner(new TemplateMiner(), 0),
            new AnomalyDetector("file:bench", AnomalySettings.For("file:bench", new AnomalyOptions()), time.GetUtcNow()), time);
    }

    private static void Report(string what, long records, TimeSpan elapsed, long allocated) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-26} {records,10:N0} records in {elapsed.TotalSeconds,6:F2} s = {records / elapsed.TotalSeconds,12:N0} records/s, {allocated / (double)records,7:F0} bytes/record"));
}
