using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Tests.Context;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Connection to 10.0.4.17:5432 timed out after 30000ms", "Connection to 10.0.9.3:5432 timed out after 29987ms")]
    [InlineData("Pod payments/api-7d9f8c6b5-x2k4q OOMKilled", "Pod payments/api-5b7c9d8f4-q8wz2 OOMKilled")]
    [InlineData("Instance i-0a1b2c3d4e5f60718 disk 98.4%", "Instance i-07f3c2a9b8d6e5401 disk 97.1%")]
    [InlineData("request 7f3a9c12-4b1d-4e8f-9a3b-2c1d0e9f8a7b failed", "REQUEST 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e FAILED")]
    [InlineData("fe80::1ff:fe23:4567:890a unreachable", "fe80::9aa:fe11:1234:abcd unreachable")]
    public void Normalize_SameFailureOnAnotherHostOrRequest_IsTheSameText(string one, string other)
    {
        TextNormalizer.Normalize(one).ShouldBe(TextNormalizer.Normalize(other));
    }

    [Fact]
    public void Normalize_DifferentFailures_StayDifferent()
    {
        TextNormalizer.Normalize("No space left on device").ShouldNotBe(TextNormalizer.Normalize("Too many open files"));
    }

    [Fact]
    public void Normalize_KeepsMetricNamesAndUnits()
    {
        TextNormalizer.Normalize("orders-api p99 latency 8.2s at 08:51:02").ShouldBe("orders-api p99 latency <num>s at <num>");
    }
}
