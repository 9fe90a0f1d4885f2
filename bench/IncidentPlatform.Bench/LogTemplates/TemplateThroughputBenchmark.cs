using System.Diagnostics;
using System.Globalization;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Bench.LogTemplates;

/// <summary>
/// Lines per second of <see cref="TemplateMiner.Add"/> on one thread in the steady state (templates already learnt), over
/// the 16,000 loghub 2k lines repeated, with the bytes allocated per line. Also the first pass (learning) for reference.
/// </summary>
internal sealed class TemplateThroughputBenchmark : IBenchmark
{
    public string Name => "template-throughput";

    public string Description => "template miner lines/s and bytes/line on one thread [--lines N] (default 4,000,000)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = args is ["--lines", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 4_000_000;
        // One miner per source, as the detector keeps them; lines interleaved round-robin across the sources.
        var sources = Loghub2k.Datasets.Select(d => Loghub2k.Load(d).Contents).ToArray();
        var lines = Interleave(sources);
        var chars = lines.Sum(l => (long)l.Line.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines.Length:N0} distinct lines from {sources.Length} sources, mean {chars / (double)lines.Length:F0} chars; {total:N0} lines per run"));

        var miners = sources.Select(_ => new TemplateMiner()).ToArray();
        Report("first pass (learning)", Run(miners, lines, lines.Length));
        Run(miners, lines, total); // warm-up: tiered JIT and PGO settle
        Report("steady state Add", Run(miners, lines, total));
        Report("steady state Match", Run(miners, lines, total, learn: false));
        Console.WriteLine($"templates: {miners.Sum(m => m.Clusters.Count):N0}");
        return Task.FromResult(0);
    }

    private static (int Source, string Line)[] Interleave(IReadOnlyList<string>[] sources)
    {
        var lines = new List<(int, string)>();
        for (var i = 0; i < sources.Max(s => s.Count); i++)
        {
            for (var s = 0; s < sources.Length; s++)
            {
                if (i < sources[s].Count)
                {
                    lines.Add((s, sources[s][i]));
                }
            }
        }

        return [.. lines];
    }

    private static (long Lines, TimeSpan Elapsed, TimeSpan Cpu, long Bytes) Run(TemplateMiner[] miners, (int Source, string Line)[] lines, int total, bool learn = true)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var checksum = 0;
        for (var i = 0; i < total; i++)
        {
            var (source, line) = lines[i % lines.Length];
            var id = learn ? miners[source].Add(line).TemplateId : miners[source].Match(line)?.TemplateId;
            checksum += id?.Length ?? 0;
        }

        watch.Stop();
        GC.KeepAlive(checksum);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return (total, watch.Elapsed, cpu, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    // Lines per CPU second beside lines per second: on a shared machine the thread is not always running, and the
    // process's CPU time (one busy thread, nothing allocated) says what the miner costs.
    private static void Report(string what, (long Lines, TimeSpan Elapsed, TimeSpan Cpu, long Bytes) run) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-24} {run.Lines,10:N0} lines in {run.Elapsed.TotalSeconds,6:F2} s = {run.Lines / run.Elapsed.TotalSeconds,12:N0} lines/s ({run.Lines / run.Cpu.TotalSeconds,12:N0} per CPU s), {run.Bytes / (double)run.Lines,8:F1} bytes/line"));
}
