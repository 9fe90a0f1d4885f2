using IncidentPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>Debian's Chromium driven by Playwright, and signing in to the UI of a test host.</summary>
internal static class Browser
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>Opens <paramref name="path"/> of the UI and signs in with <paramref name="key"/>; returns once live.</summary>
    public static async Task SignInAsync(IPage page, GatewayTestHost host, string key, string path = "/ui/")
    {
        await page.GotoAsync(new Uri(host.Address, path).ToString());
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
    }
}
