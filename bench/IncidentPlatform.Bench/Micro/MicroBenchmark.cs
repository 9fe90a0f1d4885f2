using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IncidentPlatform.Bench.Micro;

/// <summary>
/// The micro benchmarks, measured by BenchmarkDotNet in this process (no generated project to build): each class under
/// <c>Micro/</c> compares its cases against a baseline in the same run. Arguments are BenchmarkDotNet's
/// (<c>--filter *Template*</c>, <c>--job short</c>…); none runs them all.
/// </summary>
internal sealed class MicroBenchmark : IBenchmark
{
    private static readonly Type[] Benchmarks = [typeof(TemplateBenchmarks), typeof(WebhookSignatureBenchmarks), typeof(KeyedLockBenchmarks)];

    public string Name => "micro";

    public string Description => "BenchmarkDotNet micro benchmarks: templates, webhook signing, keyed lock [BenchmarkDotNet args]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromTypes(Benchmarks).Run(args.Length == 0 ? ["--filter", "*"] : args, config).ToList();
        var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return Task.FromResult(failed ? 1 : 0);
    }
}
