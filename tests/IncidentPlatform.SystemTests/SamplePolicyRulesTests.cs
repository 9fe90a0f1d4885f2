using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// Across analysis and remediation, with nothing built by hand: for each rule of the sample policy an alert as a sender
/// would write it goes into the standalone host, the offline analyzer explains it (category, recommended parameters,
/// values read from the alert's text) and the policy proposes the rule's action with parameters the catalog names.
/// </summary>
public sealed class SamplePolicyRulesTests
{
    private const string Instance = "i-0a1b2c3d4e5f60718";

    public static TheoryData<string, string, string, Dictionary<string, string>, Dictionary<string, string>> Rules => new()
    {
        {
            "ec2-cpu-spike-reboot", "CPUUtilization above 95%", $"CPUUtilization 98.2% > 95% for 3 datapoints on {Instance}",
            new() { ["metric"] = "CPUUtilization", ["instance_id"] = Instance },
            new() { ["instanceIds"] = Instance }
        },
        {
            "ecs-crash-loop-redeploy", "orders tasks keep crashing", "Essential container in task exited; tasks restarted 6 times in 10 minutes",
            new() { ["cluster"] = "prod-core" },
            new() { ["cluster"] = "prod-core", ["service"] = "{service}" }
        },
        {
            "disk-80-percent-cleanup", "Disk space low on the web host", "disk_used_percent is 91 (threshold 80)",
            new() { ["instance_id"] = Instance, ["disk_used_percent"] = "91" },
            new() { ["document"] = "AWS-RunShellScript", ["instanceIds"] = Instance }
        },
        {
            // The example: the numbers and the instance are only in the alert's words.
            "disk-80-percent-cleanup-from-alert-text", "Disk usage above 80%", "/var/log is 93% full on i-0abc123def4567890 (threshold 80%)",
            new(),
            new() { ["document"] = "AWS-RunShellScript", ["instanceIds"] = "i-0abc123def4567890" }
        },
        {
            // The analysis recommends the capacity ({{recommended.desired}}): 4 × 1.5 = 6.
            "traffic-surge-scale-out", "RequestCount 6x above baseline on web-asg", "RequestCount 1.8M in 5 minutes against a usual 300k",
            new() { ["asg"] = "web-asg", ["desired_capacity"] = "4", ["max_size"] = "20" },
            new() { ["group"] = "web-asg", ["desired"] = "6" }
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task SampleRule_AlertAnalyzedOffline_ProposesItsAction(
        string rule, string title, string message, Dictionary<string, string> labels, Dictionary<string, string> expected)
    {
        var data = Directory.CreateTempSubdirectory("ip-rules-").FullName;
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = data, ["Detector:Demo:Enabled"] = "false",
        });
        var key = (await File.ReadAllTextAsync(Path.Combine(data, "admin-api-key"))).Trim();
        using var client = host.CreateClient().WithKey(key);
        var service = $"svc-{Guid.NewGuid():N}"[..16];

        using var accepted = await client.PostAsJsonAsync("/api/alerts", new Dictionary<string, object?>
        {
            ["source"] = "cloudwatch", ["title"] = title, ["message"] = message, ["severity"] = "high",
            ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service, ["labels"] = labels,
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var list = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();
        var incident = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents/{id}").JsonAsync(),
            i => i.TryGetProperty("remediations", out var r) && r.GetArrayLength() > 0, seconds: 90);

        incident.GetProperty("analysis").GetProperty("provider").GetString().ShouldBe("offline");
        var proposed = incident.GetProperty("remediations").EnumerateArray().ShouldHaveSingleItem();
        proposed.GetProperty("rule").GetString().ShouldBe(rule);
        var parameters = proposed.GetProperty("parameters");
        foreach (var (name, value) in expected)
        {
            parameters.GetProperty(name).GetString().ShouldBe(value.Replace("{service}", service, StringComparison.Ordinal), name);
        }

        Directory.Delete(data, recursive: true);
    }
}
