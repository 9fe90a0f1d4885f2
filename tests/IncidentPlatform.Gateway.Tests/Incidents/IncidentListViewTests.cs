using System.Net;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Incidents;

/// <summary>The web UI's view of the list: <c>sort</c>, <c>order</c>, <c>offset</c>, totals, counts per status and service.</summary>
public sealed class IncidentListViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task View_SortedBySeverityAndPaged_ReturnsTheSliceWithTotalAndNextOffset()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var low = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0.AddMinutes(4));
        var critical = await IncidentSeed.OpenAsync(host.Services, "payments", Severity.Critical, T0);
        var high = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0.AddMinutes(1));
        var medium = await IncidentSeed.OpenAsync(host.Services, "auth", Severity.Medium, T0.AddMinutes(2));
        using var client = host.Client(TestKeys.Reader);

        var first = await (await client.GetAsync("/api/incidents?sort=severity&offset=0&pageSize=3")).ReadAsync();
        var second = await (await client.GetAsync("/api/incidents?sort=severity&offset=3&pageSize=3")).ReadAsync();
        var ascending = await (await client.GetAsync("/api/incidents?sort=severity&order=asc&offset=0")).ReadAsync();

        Ids(first).ShouldBe([critical.Id, high.Id, medium.Id]);
        first.GetProperty("total").GetInt32().ShouldBe(4);
        first.GetProperty("nextOffset").GetInt32().ShouldBe(3);
        Ids(second).ShouldBe([low.Id]);
        second.GetProperty("nextOffset").ValueKind.ShouldBe(JsonValueKind.Null);
        Ids(ascending).ShouldBe([low.Id, medium.Id, high.Id, critical.Id]);
    }

    [Fact]
    public async Task View_StatusAndServiceFilters_CountEachFacetWithTheOtherFilterApplied()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var openCheckout = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        var resolvedCheckout = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0.AddMinutes(1));
        await store.UpdateAsync(resolvedCheckout.Id, i => i with { Status = IncidentStatus.Resolved, UpdatedAt = T0.AddMinutes(5) });
        await IncidentSeed.OpenAsync(host.Services, "payments", Severity.Low, T0.AddMinutes(2));
        await IncidentSeed.OpenAsync(host.Services, "payments", Severity.Low, T0.AddMinutes(3));
        using var client = host.Client(TestKeys.Reader);

        var view = await (await client.GetAsync("/api/incidents?status=open&service=checkout&offset=0")).ReadAsync();
        var recent = await (await client.GetAsync($"/api/incidents?since={Uri.EscapeDataString(T0.AddMinutes(2.5).ToString("O"))}&offset=0")).ReadAsync();

        Ids(view).ShouldBe([openCheckout.Id]);
        var facets = view.GetProperty("facets");
        // Statuses counted within the chosen service, services within the chosen status.
        (facets.GetProperty("status").GetProperty("open").GetInt32(), facets.GetProperty("status").GetProperty("resolved").GetInt32())
            .ShouldBe((1, 1));
        (facets.GetProperty("service").GetProperty("checkout").GetInt32(), facets.GetProperty("service").GetProperty("payments").GetInt32())
            .ShouldBe((1, 2));
        recent.GetProperty("total").GetInt32().ShouldBe(2); // updated at 08:03 and (resolved) 08:05
    }

    [Fact]
    public async Task View_IncidentWithAPendingApproval_SaysSoInItsRow()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var waiting = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, T0);
        var quiet = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, T0.AddMinutes(1));
        var book = new FakeRemediationBook(host.Services.GetRequiredService<IDocumentStore>());
        await book.AddAsync(RemediationSamples.Pending("rem-view-1", waiting.Id) with { Version = 1 });
        await book.AddAsync(RemediationSamples.Pending("rem-view-2", quiet.Id) with { State = RemediationState.Succeeded, Version = 1 });

        var view = await (await host.Client(TestKeys.Reader).GetAsync("/api/incidents?offset=0")).ReadAsync();

        var rows = view.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        rows[waiting.Id].GetProperty("pendingApprovals").GetInt32().ShouldBe(1);
        rows[quiet.Id].GetProperty("pendingApprovals").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("sort=loudness", "sort")]
    [InlineData("sort=title&order=sideways", "order")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=many", "offset")]
    [InlineData("offset=0&cursor=abc", "cursor")]
    public async Task View_BadParameters_Return400NamingThem(string query, string parameter)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).GetAsync($"/api/incidents?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
