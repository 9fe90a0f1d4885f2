using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Gateway.Tests.Kpis;

public sealed class KpiMcpTests
{
    [Fact]
    public async Task IncidentKpis_StoredHistory_GivesTheFiguresAsStructuredContentAndReadableLines()
    {
        await using var host = await KpiHistory.StartHostAsync(new ManualTimeProvider(KpiHistory.To.AddHours(1)));
        await KpiHistory.StoreAsync(host.Services, KpiHistory.Facts());
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("incident_kpis", new { from = "2026-11-01T00:00:00Z", to = "2026-11-02T00:00:00Z" });

        result.IsError.ShouldNotBe(true);
        var kpis = result.Structured();
        kpis.GetProperty("opened").GetInt32().ShouldBe(4);
        kpis.GetProperty("mttrSeconds").GetDouble().ShouldBe(9000);
        kpis.GetProperty("approvalWaitMaxSeconds").GetDouble().ShouldBe(7200);
        kpis.TryGetProperty("series", out _).ShouldBeFalse();
        result.Text().Split('\n').ShouldBe([
            "KPIs 2026-11-01 00:00:00Z to 2026-11-02 00:00:00Z",
            "Opened 4, resolved 3; MTTA 25 min, MTTR 2.5 h",
            "Resolved without a person: 33.3 %; with a verified automatic remediation: 33.3 %",
            "Remediations: failed 1, verified 1; approval wait mean 75 min, max 2 h (2 decided)",
            "Notifications: delivered 2, failed 1",
            "Analyses 2, cache hit rate 50 %, model spend $0.0125 (1,500 tokens)",
        ]);
    }

    [Fact]
    public async Task IncidentKpis_FromAfterTo_IsAnErrorResultNamingTheArgument()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("incident_kpis", new { from = "2026-11-02T00:00:00Z", to = "2026-11-01T00:00:00Z" });

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain("'from': Must be before 'to'.");
    }
}
