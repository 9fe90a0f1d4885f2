using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IncidentPlatform.Testing;

/// <summary>
/// The whole incident loop's steps over a gateway's REST API, for every way the platform runs (standalone, five
/// processes, the AppHost): a CloudWatch CPU alarm on one instance, which the offline analyzer calls resource saturation
/// and the sample policy answers with a reboot waiting for a person with the sre role; once approved, the dry run
/// records the EC2 call it would have sent and the audit chain verifies. Each alarm names an instance of its own: the
/// sample policy allows one reboot per instance per hour, counted in the store that tests may share.
/// </summary>
public static class CpuAlarmLoop
{
    /// <summary>A new EC2 instance id (i- and 17 hexadecimal digits).</summary>
    public static string NewInstance() => "i-" + Guid.NewGuid().ToString("N")[..17];

    /// <summary>Posts the alarm for <paramref name="service"/> and returns its incident once the reboot is pending approval.</summary>
    public static async Task<JsonElement> PostAndAwaitProposalAsync(HttpClient client, string service)
    {
        var instance = NewInstance();
        var alert = new Dictionary<string, object?>
        {
            ["source"] = "cloudwatch", ["title"] = $"CPUUtilization above 95% on {service}", ["severity"] = "high",
            ["message"] = $"Threshold Crossed: CPUUtilization 98.2% > 95% for 3 datapoints on instance {instance}",
            ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service,
            ["labels"] = new Dictionary<string, string> { ["metric"] = "CPUUtilization", ["instance_id"] = instance },
        };
        using var accepted = await client.PostAsJsonAsync("/api/alerts", alert);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var list = await Eventually.GetAsync(() => client.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1, "the alert's incident", TimeSpan.FromSeconds(60));
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();
        var incident = await Eventually.GetAsync(() => client.GetAsync($"/api/incidents/{id}").JsonAsync(),
            i => i.TryGetProperty("remediations", out var r) && r.GetArrayLength() > 0 &&
                 r[0].GetProperty("state").GetString() != "proposed", "a proposed remediation", TimeSpan.FromSeconds(90));

        var analysis = incident.GetProperty("analysis");
        analysis.GetProperty("category").GetString().ShouldBe("resource-saturation");
        analysis.GetProperty("provider").GetString().ShouldBe("offline");
        var proposed = incident.GetProperty("remediations").EnumerateArray().ShouldHaveSingleItem();
        proposed.GetProperty("actionId").GetString().ShouldBe("aws.ec2.reboot-instances");
        proposed.GetProperty("rule").GetString().ShouldBe("ec2-cpu-spike-reboot");
        proposed.GetProperty("state").GetString().ShouldBe("pendingApproval");
        proposed.GetProperty("parameters").GetProperty("instanceIds").GetString().ShouldBe(instance);
        return incident;
    }

    /// <summary>Waits for the approved reboot to succeed and checks it ran once, in dry-run, as approved, with a valid audit chain.</summary>
    public static async Task AssertRanOnceInDryRunAsync(HttpClient client, string incidentId, string actor, string channel)
    {
        var incident = await Eventually.GetAsync(() => client.GetAsync($"/api/incidents/{incidentId}").JsonAsync(),
            i => i.GetProperty("remediations")[0].GetProperty("state").GetString() == "succeeded", "the dry run's success",
            TimeSpan.FromSeconds(60));
        var remediation = incident.GetProperty("remediations")[0];
        remediation.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        var decision = remediation.GetProperty("decisions").EnumerateArray().ShouldHaveSingleItem();
        (decision.GetProperty("actor").GetString(), decision.GetProperty("channel").GetString(), decision.GetProperty("approved").GetBoolean())
            .ShouldBe((actor, channel, true));
        // What the dry run would have sent: EC2's Query API, RebootInstances for the one instance.
        var result = remediation.GetProperty("result").ToString();
        result.ShouldContain("RebootInstances");
        result.ShouldContain(remediation.GetProperty("parameters").GetProperty("instanceIds").GetString()!);

        var audit = await client.GetAsync($"/api/incidents/{incidentId}/audit/verify").JsonAsync();
        audit.GetProperty("valid").GetBoolean().ShouldBeTrue();
        audit.GetProperty("entries").GetInt32().ShouldBeGreaterThanOrEqualTo(3); // proposed, approved, executed
    }
}
