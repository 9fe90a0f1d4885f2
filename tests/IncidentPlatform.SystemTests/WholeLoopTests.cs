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
    private const string Instance = "i-0a1b2c3d4e5f60718";

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

        var incident = await PostAndAwaitProposalAsync(admin, service);
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
        await AssertRanOnceInDryRunAsync(admin, id, actor: "admin", channel: "ui");
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

            var incident = await PostAndAwaitProposalAsync(admin, service);
            var id = incident.GetProperty("id").GetString()!;
            var remediation = incident.GetProperty("remediations")[0].GetProperty("id").GetString();

            // The admin key may approve but has no role the rule allows; the on-call engineer with the sre role has.
            using var refused = await admin.PostAsJsonAsync($"/api/remediations/{remediation}/approve", new { comment = "no role" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            using var approved = await onCall.PostAsJsonAsync($"/api/remediations/{remediation}/approve", new { comment = "reboot it" });
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);

            await AssertRanOnceInDryRunAsync(admin, id, actor: "oncall", channel: "rest");
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

    // A CloudWatch CPU alarm on one instance: the sample policy's manual reboot rule.
    private static async Task<JsonElement> PostAndAwaitProposalAsync(HttpClient client, string service)
    {
        var alert = new Dictionary<string, object?>
        {
            ["source"] = "cloudwatch", ["title"] = $"CPUUtilization above 95% on {service}", ["severity"] = "high",
            ["message"] = $"Threshold Crossed: CPUUtilization 98.2% > 95% for 3 datapoints on instance {Instance}",
            ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service,
            ["labels"] = new Dictionary<string, string> { ["metric"] = "CPUUtilization", ["instance_id"] = Instance },
        };
        using var accepted = await client.PostAsJsonAsync("/api/alerts", alert);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var list = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();
        var incident = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents/{id}").JsonAsync(),
            i => i.TryGetProperty("remediations", out var r) && r.GetArrayLength() > 0 &&
                 r[0].GetProperty("state").GetString() != "proposed", seconds: 90);

        var analysis = incident.GetProperty("analysis");
        analysis.GetProperty("category").GetString().ShouldBe("resource-saturation");
        analysis.GetProperty("provider").GetString().ShouldBe("offline");
        var proposed = incident.GetProperty("remediations").EnumerateArray().ShouldHaveSingleItem();
        proposed.GetProperty("actionId").GetString().ShouldBe("aws.ec2.reboot-instances");
        proposed.GetProperty("rule").GetString().ShouldBe("ec2-cpu-spike-reboot");
        proposed.GetProperty("state").GetString().ShouldBe("pendingApproval");
        proposed.GetProperty("parameters").GetProperty("instanceIds").GetString().ShouldBe(Instance);
        return incident;
    }

    private static async Task AssertRanOnceInDryRunAsync(HttpClient client, string incidentId, string actor, string channel)
    {
        var incident = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents/{incidentId}").JsonAsync(),
            i => i.GetProperty("remediations")[0].GetProperty("state").GetString() == "succeeded");
        var remediation = incident.GetProperty("remediations")[0];
        remediation.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        var decision = remediation.GetProperty("decisions").EnumerateArray().ShouldHaveSingleItem();
        (decision.GetProperty("actor").GetString(), decision.GetProperty("channel").GetString(), decision.GetProperty("approved").GetBoolean())
            .ShouldBe((actor, channel, true));
        // What the dry run would have sent: EC2's Query API, RebootInstances for the one instance.
        var result = remediation.GetProperty("result").ToString();
        result.ShouldContain("RebootInstances");
        result.ShouldContain(Instance);

        var audit = await client.GetAsync($"/api/incidents/{incidentId}/audit/verify").JsonAsync();
        audit.GetProperty("valid").GetBoolean().ShouldBeTrue();
        audit.GetProperty("entries").GetInt32().ShouldBeGreaterThanOrEqualTo(3); // proposed, approved, executed
    }
}
