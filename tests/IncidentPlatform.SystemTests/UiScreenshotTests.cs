using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;
using Microsoft.Playwright;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// The web UI on the standalone host with a realistic mix of incidents, in light and dark mode: the pages render with
/// data from the real loop, the dark theme follows the system setting, and the screenshots in <c>docs/</c> come from
/// here (<c>SCREENSHOTS_DIR=$PWD/docs</c>; otherwise they go to a temporary directory and are deleted).
/// </summary>
public sealed class UiScreenshotTests
{
    private static readonly (string Source, string Title, string Message, string Severity, string Service, Dictionary<string, string> Labels)[] Alerts =
    [
        ("grafana", "Checkout p99 latency above 2s", "p99 latency 2.4s > 2s for 5m; upstream inventory timeouts", "medium", "checkout", []),
        ("alertmanager", "KubePodNotReady auth-7d9c", "Pod auth-7d9c has been in a non-ready state for longer than 15 minutes.", "low", "auth", []),
        ("cloudwatch", "ECS service search: tasks stopped (OutOfMemoryError)",
            "Task stopped: OutOfMemoryError: Container killed due to memory usage; CrashLoopBackOff, restart count 12", "high", "search",
            new() { ["cluster"] = "shop-prod" }),
        ("cloudwatch", "Disk used above 90% on i-0f2e4d6c8b0a13579",
            "disk_used_percent 93.4 > 80 on /var/lib/inventory, instance i-0f2e4d6c8b0a13579: No space left on device", "critical", "inventory",
            new() { ["instance_id"] = "i-0f2e4d6c8b0a13579", ["disk_used_percent"] = "93.4" }),
        ("generic", "Nightly report job slower than usual", "report job took 41 min (usual 12 min)", "info", "reports", []),
        ("cloudwatch", "CPUUtilization above 95% on i-0a1b2c3d4e5f60718",
            "Threshold Crossed: CPUUtilization 98.2% > 95% for 3 datapoints on instance i-0a1b2c3d4e5f60718", "high", "orders",
            new() { ["metric"] = "CPUUtilization", ["instance_id"] = "i-0a1b2c3d4e5f60718" }),
    ];

    [Fact]
    public async Task Pages_WithTheLoopsData_RenderInLightAndDark()
    {
        var data = Directory.CreateTempSubdirectory("ip-shots-").FullName;
        var output = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(data, "shots");
        Directory.CreateDirectory(output);
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = data, ["Detector:Demo:Enabled"] = "false",
        });
        var key = (await File.ReadAllTextAsync(Path.Combine(data, "admin-api-key"))).Trim();
        using var admin = host.CreateClient().WithKey(key);
        foreach (var a in Alerts)
        {
            (await admin.PostAsJsonAsync("/api/alerts", new { source = a.Source, title = a.Title, message = a.Message, severity = a.Severity,
                service = a.Service, labels = a.Labels, timestamp = DateTimeOffset.UtcNow })).EnsureSuccessStatusCode();
        }

        // The CPU alarm's reboot waits for a person; the disk clean-up and the redeploy run on their own (dry-run).
        var list = await SystemHttp.EventuallyAsync(() => admin.GetAsync("/api/incidents?offset=0").JsonAsync(),
            l => l.GetProperty("total").GetInt32() == Alerts.Length && l.GetProperty("items").EnumerateArray()
                .Count(i => i.TryGetProperty("analysis", out _)) == Alerts.Length);
        var cpu = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("service").GetString() == "orders").GetProperty("id").GetString()!;
        await SystemHttp.EventuallyAsync(() => admin.GetAsync($"/api/incidents/{cpu}").JsonAsync(),
            i => i.GetProperty("remediations").EnumerateArray().Any(r => r.GetProperty("state").GetString() == "pendingApproval"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var background = new Dictionary<ColorScheme, string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var name = scheme == ColorScheme.Light ? "light" : "dark";
            var page = await browser.NewPageAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = 1440, Height = 900 } });
            await page.GotoAsync(new Uri(host.BaseAddress, "/ui/").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
            await page.GetByLabel("API key").FillAsync(key);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("#incident-rows tr")).ToHaveCountAsync(Alerts.Length);
            await Assertions.Expect(page.Locator("#incident-rows")).ToContainTextAsync("Needs approval");
            await page.Mouse.MoveAsync(0, 0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(output, $"incident-list-{name}.png") });

            await page.GetByRole(AriaRole.Link, new() { Name = "CPUUtilization above 95% on i-0a1b2c3d4e5f60718" }).ClickAsync();
            await Assertions.Expect(page.Locator("#analysis")).ToContainTextAsync("resource-saturation");
            await Assertions.Expect(page.Locator("[data-remediation] .state")).ToHaveAttributeAsync("data-state", "pendingApproval");
            await page.ScreenshotAsync(new() { Path = Path.Combine(output, $"incident-page-{name}.png"), FullPage = true });
            background[scheme] = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            await page.CloseAsync();
        }

        background[ColorScheme.Light].ShouldBe("rgb(245, 246, 248)");
        background[ColorScheme.Dark].ShouldBe("rgb(13, 16, 20)");
        File.Exists(Path.Combine(output, "incident-page-dark.png")).ShouldBeTrue();
        Directory.Delete(data, recursive: true);
    }
}
