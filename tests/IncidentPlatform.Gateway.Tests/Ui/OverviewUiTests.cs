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

    /// <summary>A realistic month on the page; the screenshot in <c>docs/</c> comes from here (<c>SCREENSHOTS_DIR=$PWD/docs</c>;
    /// otherwise it goes to a temporary directory and is deleted).</summary>
    [Fact]
    public async Task Overview_AMonth_RendersThe30DayChartsForTheScreenshot()
    {
        await using var host = await KpiHistory.StartHostAsync(TimeProvider.System);
        var month = KpiSampleHistory.Month(DateTimeOffset.UtcNow);
        await KpiHistory.StoreAsync(host.Services, month);
        var temporary = Directory.CreateTempSubdirectory("ip-overview-").FullName;
        var output = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : temporary;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        await Browser.SignInAsync(page, host, TestKeys.Reader, "/ui/#/overview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Last 30 days" }).ClickAsync();

        await Assertions.Expect(Kpi(page, "opened")).ToHaveTextAsync(month.Count(f => f.Incident.CreatedAt > DateTimeOffset.UtcNow.AddDays(-30)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator("svg[aria-label='Incidents opened per day by severity'] rect").CountAsync()).ShouldBeGreaterThan(30);
        (await page.Locator("svg[aria-label='Share resolved without a person per day'] rect").CountAsync()).ShouldBeGreaterThanOrEqualTo(28);
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(output, "overview.png"), FullPage = true });
        File.Exists(Path.Combine(output, "overview.png")).ShouldBeTrue();
        Directory.Delete(temporary, recursive: true);
    }

    private static ILocator Kpi(IPage page, string key) => page.Locator($"[data-kpi='{key}'] .kpi-value");
}
