using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Incidents;

public sealed class ListIncidentsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListIncidents_WithFilters_ReturnsOnlyMatchesNewestFirst()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0);
        var highOld = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0.AddMinutes(1));
        var critNew = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Critical, T0.AddMinutes(2));
        await IncidentSeed.OpenAsync(host.Services, "payments", Severity.Critical, T0.AddMinutes(3));

        var list = await (await host.Client(TestKeys.Reader).GetAsync("/api/incidents?service=checkout&severity=high&status=open")).ReadAsync();

        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .ShouldBe([critNew.Id, highOld.Id]);
    }

    [Fact]
    public async Task ListIncidents_Paged_VisitsEveryIncidentOnce()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await IncidentSeed.OpenAsync(host.Services, "svc", Severity.High, T0.AddSeconds(i))).Id);
        }

        using var client = host.Client(TestKeys.Reader);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/incidents?pageSize=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}")).ReadAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        seen.ShouldBe(Enumerable.Reverse(ids).ToList());
    }

    [Theory]
    [InlineData("status=broken", "status")]
    [InlineData("severity=urgentish", "severity")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("since=yesterday", "since")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task ListIncidents_BadQuery_Returns400NamingTheParameter(string query, string parameter)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).GetAsync($"/api/incidents?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task GetIncident_Unknown_Returns404Problem()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).GetAsync("/api/incidents/inc-nope");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/api/incidents")]
    [InlineData("/api/incidents/inc-x")]
    [InlineData("/no/such/path")]
    public async Task Get_WithoutKey_Returns401(string path)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_WithoutKey_Returns200(string path)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
