using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The incident list in Chromium: filters that change the rows and stay in the URL, sorting, paging with counts.</summary>
public sealed partial class IncidentListUiTests
{
    [Fact]
    public async Task Filters_ChangeTheRows_AndSurviveAReloadThroughTheUrl()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Critical, now.AddMinutes(-3), "Checkout down");
        await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, now.AddMinutes(-2), "Checkout slow images");
        await IncidentSeed.OpenAsync(host.Services, "payments", Severity.High, now.AddMinutes(-1), "Payments timing out");
        var old = await IncidentSeed.OpenAsync(host.Services, "payments", Severity.High, now.AddDays(-3), "Payments old outage");
        await host.Services.GetRequiredService<IIncidentStore>().UpdateAsync(old.Id, i => i with { Status = IncidentStatus.Resolved });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Reader);
        var rows = page.Locator("#incident-rows tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);

        await page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync("high");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync("checkout");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Checkout down");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("severity=high.*service=checkout|service=checkout.*severity=high"));

        await page.ReloadAsync(); // the key lives in the tab's session storage, the filters in the URL
        await Assertions.Expect(page.GetByLabel("API key")).ToBeHiddenAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Severity", new() { Exact = true })).ToHaveValueAsync("high");
        await Assertions.Expect(page.GetByLabel("Service", new() { Exact = true })).ToHaveValueAsync("checkout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await page.GetByLabel("Updated", new() { Exact = true }).SelectOptionAsync("24h");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Group, new() { Name = "Status" }).GetByRole(AriaRole.Button, new() { Name = "Resolved" }).ClickAsync();
        await Assertions.Expect(page.Locator("#list-empty")).ToBeVisibleAsync();
        await page.GetByLabel("Updated", new() { Exact = true }).SelectOptionAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Payments old outage");
    }

    [Fact]
    public async Task Rows_ShowDistinctSeverityBadgesRelativeAgesCategoryAndPendingApproval()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var critical = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.Critical, now.AddMinutes(-4), "Orders down");
        await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, now.AddMinutes(-2), "Orders slow");
        await host.Services.GetRequiredService<IIncidentStore>().UpdateAsync(critical.Id, i => i with
        {
            Analysis = new IncidentAnalysis
            {
                Category = AnalysisCategories.ResourceSaturation, Severity = Severity.Critical, Provider = "offline", AnalyzedAt = now,
                Hypotheses = [new Hypothesis { Summary = "CPU pinned", Confidence = 0.8 }],
            },
        });
        await new FakeRemediationBook(host.Services.GetRequiredService<IDocumentStore>())
            .AddAsync(RemediationSamples.Pending("rem-row-1", critical.Id) with { Version = 1 });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Reader);

        var row = page.Locator($"#incident-rows tr[data-id='{critical.Id}']");
        await Assertions.Expect(row).ToContainTextAsync("resource-saturation");
        await Assertions.Expect(row).ToContainTextAsync("Needs approval");
        await Assertions.Expect(row.Locator("time").First).ToHaveTextAsync("4 min ago");
        (await row.Locator("time").First.GetAttributeAsync("title")).ShouldNotBeNull().ShouldContain("UTC");
        var criticalColour = await BadgeColourAsync(page, "critical");
        var highColour = await BadgeColourAsync(page, "high");
        criticalColour.ShouldNotBe(highColour);
    }

    [Fact]
    public async Task Paging_ShowsCounts_AndSortingByTitleOrdersTheRows()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 30; i++)
        {
            await IncidentSeed.OpenAsync(host.Services, "batch", Severity.Medium, now.AddSeconds(-i), $"Job {i:00} failed");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Reader);

        await Assertions.Expect(page.Locator("#page-count")).ToHaveTextAsync("Showing 1–25 of 30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-count")).ToHaveTextAsync("Showing 26–30 of 30");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next →" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Incident", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-count")).ToHaveTextAsync("Showing 1–25 of 30");
        await Assertions.Expect(page.Locator("#incident-rows tr").First).ToContainTextAsync("Job 00 failed");
        await Assertions.Expect(page.Locator("th[data-sort='title']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Incident", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-rows tr").First).ToContainTextAsync("Job 29 failed");
    }

    private static Task<string> BadgeColourAsync(IPage page, string severity) =>
        page.Locator($".sev-{severity}").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
