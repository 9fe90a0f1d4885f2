using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Bench.Micro;

/// <summary>Signing a 2 KiB webhook body (baseline: the bare HMAC-SHA256 of the body).</summary>
[MemoryDiagnoser]
public class WebhookSignatureBenchmarks
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("webhook-secret-0123456789");
    private readonly byte[] _body = Encoding.UTF8.GetBytes(new string('x', 2048));

    [Benchmark]
    public string Sign() => WebhookSignature.Sign("webhook-secret-0123456789", 1767225600, _body);

    [Benchmark(Baseline = true)]
    public byte[] Hmac() => HMACSHA256.HashData(Secret, _body);
}
