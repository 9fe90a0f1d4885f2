using BenchmarkDotNet.Attributes;
using IncidentPlatform.ServiceDefaults.Concurrency;

namespace IncidentPlatform.Bench.Micro;

/// <summary>Taking and releasing an uncontended keyed lock (baseline: a bare SemaphoreSlim).</summary>
[MemoryDiagnoser]
public class KeyedLockBenchmarks
{
    private readonly KeyedLock _locks = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    [Benchmark]
    public async Task AcquireRelease()
    {
        using var held = await _locks.AcquireAsync("fingerprint", CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public async Task Semaphore()
    {
        await _gate.WaitAsync();
        _gate.Release();
    }
}
