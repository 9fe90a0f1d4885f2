using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>Sign-in, dark mode, keyboard: the UI around the pages.</summary>
public sealed class ChromeUiTests
{
    [Fact]
    public async Task SignInPage_SaysWhereTheFirstKeyComesFrom_AndShowsNoNavigation()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(host.Address, "/ui/").ToString());

        await Assertions.Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#login")).ToContainTextAsync("data/admin-api-key");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Incidents" })).ToBeHiddenAsync();

        await Browser.SignInAsync(page, host, TestKeys.Reader);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("link[rel=icon]")).ToHaveAttributeAsync("href", "/ui/favicon.svg");
    }

    [Fact]
    public async Task DarkMode_FollowsTheSystemSetting()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Critical, DateTimeOffset.UtcNow, "Checkout down");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var light = await browser.NewPageAsync(new() { ColorScheme = ColorScheme.Light });
        var dark = await browser.NewPageAsync(new() { ColorScheme = ColorScheme.Dark });
        await Browser.SignInAsync(light, host, TestKeys.Reader);
        await Browser.SignInAsync(dark, host, TestKeys.Reader);

        (await ColourAsync(light, "body", "backgroundColor")).ShouldBe("rgb(245, 246, 248)");
        (await ColourAsync(dark, "body", "backgroundColor")).ShouldBe("rgb(13, 16, 20)");
        (await ColourAsync(dark, "body", "color")).ShouldBe("rgb(231, 234, 238)");
        (await ColourAsync(dark, ".card", "backgroundColor")).ShouldNotBe(await ColourAsync(light, ".card", "backgroundColor"));
        (await ColourAsync(dark, ".sev-critical", "color")).ShouldNotBe(await ColourAsync(light, ".sev-critical", "color"));

        // The system setting changing while the page is open changes it too.
        await light.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        (await ColourAsync(light, "body", "backgroundColor")).ShouldBe("rgb(13, 16, 20)");
    }

    [Fact]
    public async Task Keyboard_SkipLinkSlashAndJ_ReachTheListAndOpenAnIncident()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, DateTimeOffset.UtcNow, "Checkout down");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Reader);
        await Assertions.Expect(page.Locator("#incident-rows tr")).ToHaveCountAsync(1);

        await page.ReloadAsync(); // a visit starts at the top of the page
        await Assertions.Expect(page.Locator("#incident-rows tr")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        page.Url.ShouldEndWith("/ui/"); // the route and its filters stay as they were
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.GetByLabel("Search", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("main").FocusAsync();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Checkout down" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#detail-title")).ToHaveTextAsync("Checkout down");
        page.Url.ShouldEndWith($"#/incidents/{incident.Id}");
    }

    private static Task<string> ColourAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");
}
