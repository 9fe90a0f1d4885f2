using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Gateway.Tests.Kpis;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The overview page: KPI tiles and SVG charts for the last 24 h, 7 d and 30 d, from <c>/api/kpis</c>.</summary>
public sealed class OverviewUiTests
{
    [Fact]
    public async Task Overview_StoredHistory_ShowsTheKpisAndChartsForEachWindow()
    {
        await using var host = await KpiHistory.StartHostAsync(TimeProvider.System);
        // The hand-built day, started 23.5 h ago: A, B, D and E opened in the last 24 h, C (opened 2 h before) in the 7 days.
        var start = DateTimeOffset.UtcNow.AddHours(-23.5);
        await KpiHistory.StoreAsync(host.Services, KpiHistory.Facts("inc-ui", start));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await Browser.SignInAsync(page, host, TestKeys.Reader, "/ui/#/overview");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last 7 days" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Kpi(page, "opened")).ToContainTextAsync("5");
        await Assertions.Expect(Kpi(page, "mttr")).ToContainTextAsync("2.5 h");
        await Assertions.Expect(Kpi(page, "no-human")).ToContainTextAsync("33.3 %");
        await Assertions.Expect(Kpi(page, "notifications")).ToContainTextAsync("1 / 3");
        await Assertions.Expect(Kpi(page, "spend")).ToContainTextAsync("$0.01");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Incidents opened per day by severity" })).ToBeVisibleAsync();
        (await page.Locator("svg.chart rect[data-severity]").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("svg[aria-label='MTTR per day'] path.chart-line").CountAsync()).ShouldBe(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Last 24 h" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last 24 h" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Kpi(page, "opened")).ToContainTextAsync("4");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Incidents opened per hour by severity" })).ToBeVisibleAsync();
        (await page.Locator("svg[aria-label='Incidents opened per hour by severity'] rect[data-severity='critical']").CountAsync()).ShouldBe(1);
    }

    private static ILocator Kpi(IPage page, string key) => page.Locator($"[data-kpi='{key}'] .kpi-value");
}
