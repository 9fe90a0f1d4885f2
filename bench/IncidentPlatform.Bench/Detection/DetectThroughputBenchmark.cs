using System.Diagnostics;
using System.Globalization;
using System.Text;
using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Bench.Detection;

/// <summary>
/// Records per second through the whole log path on one thread: a file tailed (read, split into lines, stack traces
/// joined, service found by pattern), every record mined into a template, its level found and counted by the anomaly
/// detector. The file is the demo's realistic multi-service log with a fault's stack traces mixed in. Also each stage
/// alone, for where the time goes.
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
            var tail = await MeasureAsync("tail only", file, process: false, cancellationToken);
            var whole = await MeasureAsync("tail → miner → anomaly", file, process: true, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"miner + anomaly alone ≈ {whole.Records / (whole.Elapsed - tail.Elapsed).TotalSeconds,12:N0} records/s (whole minus tail)"));
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

    private static async Task<(long Records, TimeSpan Elapsed)> MeasureAsync(string what, string file, bool process, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var options = new FileSourceOptions
        {
            Path = file, Service = "demo", ServicePattern = DemoSource.ServicePattern, StartAt = TailStart.Beginning,
        };
        using var tailer = new FileTailer("bench", options, Path.GetDirectoryName(file)!, new MemoryCheckpoints(), time, NullLogger.Instance);
        var anomaly = new AnomalyOptions();
        var source = new LogSource("file:bench", new SavedMiner(new TemplateMiner(), 0),
            new AnomalyDetector("file:bench", AnomalySettings.For("file:bench", anomaly), time.GetUtcNow()), time);

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
        }
        while (batch.More);

        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-26} {records,10:N0} records in {watch.Elapsed.TotalSeconds,6:F2} s = {records / watch.Elapsed.TotalSeconds,12:N0} records/s, {allocated / (double)records,7:F0} bytes/record"));
        return (records, watch.Elapsed);
    }
}
