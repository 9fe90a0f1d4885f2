using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Gateway.Tests.Kpis;

public sealed class KpiEndpointTests
{
    private static readonly string Window = $"from={KpiHistory.From:O}&to={KpiHistory.To:O}".Replace("+", "%2B", StringComparison.Ordinal);

    private static Task<GatewayTestHost> StartAsync(ManualTimeProvider clock) => KpiHistory.StartHostAsync(clock);

    [Fact]
    public async Task Kpis_StoredHistory_AnswersTheHandWorkedFigures()
    {
        var clock = new ManualTimeProvider(KpiHistory.To.AddHours(1));
        await using var host = await StartAsync(clock);
        await KpiHistory.StoreAsync(host.Services, KpiHistory.Facts());

        var body = await (await host.Client(TestKeys.Reader).GetAsync($"/api/kpis?{Window}")).ReadAsync();

        body.GetProperty("opened").GetInt32().ShouldBe(4);
        body.GetProperty("resolved").GetInt32().ShouldBe(3);
        body.GetProperty("mttrSeconds").GetDouble().ShouldBe(9000);
        body.GetProperty("mttaSeconds").GetDouble().ShouldBe(1500);
        body.GetProperty("resolvedWithoutHumanShare").GetDouble().ShouldBe(1.0 / 3);
        body.GetProperty("autoRemediatedVerifiedShare").GetDouble().ShouldBe(1.0 / 3);
        body.GetProperty("remediationsByOutcome").GetProperty("verified").GetInt32().ShouldBe(1);
        body.GetProperty("remediationsByOutcome").GetProperty("failed").GetInt32().ShouldBe(1);
        body.GetProperty("approvalWaitMeanSeconds").GetDouble().ShouldBe(4500);
        body.GetProperty("notifications").GetProperty("delivered").GetInt32().ShouldBe(2);
        body.GetProperty("notifications").GetProperty("failed").GetInt32().ShouldBe(1);
        body.GetProperty("analysisCacheHitRate").GetDouble().ShouldBe(0.5);
        body.GetProperty("modelSpendUsd").GetDecimal().ShouldBe(0.0125m);
        body.GetProperty("series").GetArrayLength().ShouldBe(24);

        var checkout = await (await host.Client(TestKeys.Reader).GetAsync($"/api/kpis?{Window}&service=checkout")).ReadAsync();
        checkout.GetProperty("opened").GetInt32().ShouldBe(3);
        checkout.GetProperty("mttrSeconds").GetDouble().ShouldBe(2700);
    }

    [Fact]
    public async Task Kpis_WithinTheCachePeriod_ReuseTheRead_ThenSeeNewIncidents()
    {
        var clock = new ManualTimeProvider(KpiHistory.To.AddHours(1));
        await using var host = await StartAsync(clock);
        await KpiHistory.StoreAsync(host.Services, KpiHistory.Facts());
        var client = host.Client(TestKeys.Reader);
        (await (await client.GetAsync($"/api/kpis?{Window}")).ReadAsync()).GetProperty("opened").GetInt32().ShouldBe(4);

        await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, KpiHistory.H(6));
        clock.Advance(TimeSpan.FromSeconds(29));
        (await (await client.GetAsync($"/api/kpis?{Window}")).ReadAsync()).GetProperty("opened").GetInt32().ShouldBe(4);

        clock.Advance(TimeSpan.FromSeconds(2));
        (await (await client.GetAsync($"/api/kpis?{Window}")).ReadAsync()).GetProperty("opened").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    public async Task Kpis_BadWindow_Answers400ProblemNamingTheField(string query, string field)
    {
        await using var host = await StartAsync(new ManualTimeProvider(KpiHistory.To));

        using var response = await host.Client(TestKeys.Reader).GetAsync($"/api/kpis?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Kpis_WithoutAKey_Answers401()
    {
        await using var host = await StartAsync(new ManualTimeProvider(KpiHistory.To));

        (await host.Client(apiKey: null).GetAsync("/api/kpis")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
