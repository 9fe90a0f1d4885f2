using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;
using Microsoft.Playwright;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// The whole incident loop with nothing faked: an alert opens an incident, the offline analyzer explains it, the sample
/// policy proposes an action that needs a person, a person approves it, the action runs (in dry-run: what it would have
/// sent is recorded), and the audit chain verifies.
/// </summary>
public sealed class WholeLoopTests(RabbitMqFixture rabbit, RedisFixture redis)
{
    private const string OnCallKey = "system-test-oncall-key-0123456789";

    [Fact]
    public async Task CpuAlert_OnStandaloneFirstRun_IsAnalyzedProposedApprovedInTheBrowserAndRunInDryRun()
    {
        // A first run: no keys configured, so the host generates the admin key (with the sample policy's roles).
        var data = Directory.CreateTempSubdirectory("ip-loop-").FullName;
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = data, ["Detector:Demo:Enabled"] = "false",
        });
        var key = (await File.ReadAllTextAsync(Path.Combine(data, "admin-api-key"))).Trim();
        using var admin = host.CreateClient().WithKey(key);
        var service = $"orders-{Guid.NewGuid():N}"[..16];

        var incident = await CpuAlarmLoop.PostAndAwaitProposalAsync(admin, service);
        var id = incident.GetProperty("id").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/ui/").ToString());
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = incident.GetProperty("title").GetString()! }).ClickAsync();
        await Assertions.Expect(page.Locator("#analysis")).ToContainTextAsync("resource-saturation");
        var card = page.Locator("[data-remediation]");
        await Assertions.Expect(card.Locator(".state")).ToHaveTextAsync("Waiting for approval");

        // A reboot is high-risk: the page asks for confirmation, with a comment for the audit trail.
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve aws.ec2.reboot-instances" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Comment").FillAsync("reboot it");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve and run" }).ClickAsync();

        // The page follows the remediation's events live until the dry run has succeeded, and its timeline (newest
        // first) shows the decision and the execution.
        await Assertions.Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 30_000 });
        await Assertions.Expect(card.Locator(".request")).ToContainTextAsync("Action=RebootInstances");
        var timeline = page.Locator("#timeline");
        await Assertions.Expect(timeline.Locator("li[data-step='approved']"))
            .ToContainTextAsync("admin approved aws.ec2.reboot-instances via ui: “reboot it”");
        await Assertions.Expect(timeline.Locator("li[data-step='succeeded']")).ToContainTextAsync("ran in dry-run");
        var steps = await timeline.Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.step || i.dataset.kind)");
        steps.Where(s => s is "approved" or "succeeded" or "proposed").ShouldBe(["succeeded", "approved", "proposed"]);
        await CpuAlarmLoop.AssertRanOnceInDryRunAsync(admin, id, actor: "admin", channel: "ui");
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task CpuAlert_AcrossFiveProcesses_IsAnalyzedProposedApprovedAndRunInDryRun()
    {
        var configuration = WithOnCallKey(Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString));
        configuration["Remediation:PolicyPath"] = Path.Combine(RepositoryPaths.Root, "services", "IncidentPlatform.Remediation", "Policies", "sample-policy.yaml");
        configuration["Remediation:DryRun"] = "true";
        var services = await Task.WhenAll(Services.All.Select(p => ServiceProcess.StartHealthyAsync(p, configuration)));
        try
        {
            var gateway = services.Single(s => s.Project == "IncidentPlatform.Gateway");
            using var admin = gateway.CreateClient().WithKey(Services.AdminKey);
            using var onCall = gateway.CreateClient().WithKey(OnCallKey);
            var service = $"orders-{Guid.NewGuid():N}"[..16];

            var incident = await CpuAlarmLoop.PostAndAwaitProposalAsync(admin, service);
            var id = incident.GetProperty("id").GetString()!;
            var remediation = incident.GetProperty("remediations")[0].GetProperty("id").GetString();

            // The admin key may approve but has no role the rule allows; the on-call engineer with the sre role has.
            using var refused = await admin.PostAsJsonAsync($"/api/remediations/{remediation}/approve", new { comment = "no role" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            using var approved = await onCall.PostAsJsonAsync($"/api/remediations/{remediation}/approve", new { comment = "reboot it" });
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);

            await CpuAlarmLoop.AssertRanOnceInDryRunAsync(admin, id, actor: "oncall", channel: "rest");
        }
        finally
        {
            await Task.WhenAll(services.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static Dictionary<string, string?> WithOnCallKey(Dictionary<string, string?> configuration)
    {
        configuration["Auth:ApiKeys:oncall:Key"] = OnCallKey;
        configuration["Auth:ApiKeys:oncall:Scopes"] = "read,approve";
        configuration["Auth:ApiKeys:oncall:Roles"] = "sre";
        return configuration;
    }
}
