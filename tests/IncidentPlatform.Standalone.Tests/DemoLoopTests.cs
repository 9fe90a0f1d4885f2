using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Standalone.Tests;

/// <summary>
/// A first run of the standalone host with its demo, on a test clock: within its first two minutes the demo shows the
/// whole loop in the REST API the UI reads — an analysed incident, an action the sample policy ran by itself (in dry-run)
/// and one waiting for a person's approval.
/// </summary>
public sealed class DemoLoopTests
{
    // The host starts 36 s past a minute, so the first fault (25 s later) starts just after a minute boundary: its log
    // records fill a whole counting bucket, judged only when that minute has closed (+ lateness) — the slowest alignment.
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 36, TimeSpan.Zero);
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Demo_FirstTwoMinutes_ShowAnAnalysedIncidentAnAutomaticDryRunAndAnApprovalRequest()
    {
        var clock = new FakeClock(Start);
        await using var host = await StandaloneHost.StartAsync(clock, new Dictionary<string, string?> { ["Detector:Demo:Enabled"] = "true" });

        // Second by second, as the host would live them: the clock moves only when the demo writer and the log tailer, the
        // two loops that sleep a second between rounds, are both asleep again — so the log pipeline never lags behind it.
        for (var elapsed = TimeSpan.Zero; elapsed < TwoMinutes; elapsed += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => clock.Sleeping(TimeSpan.FromSeconds(1)) >= 2, $"the demo writer and tailer asleep at {clock.GetUtcNow():O}");
        }

        using var client = host.Client();
        var remediations = await Eventually.GetAsync(() => RemediationsAsync(client),
            r => r.Any(x => x.State == "succeeded") && r.Any(x => x.State == "pendingApproval"),
            "an automatic dry run and a pending approval");

        var automatic = remediations.Single(r => r.State == "succeeded");
        (automatic.Remediation.GetProperty("actionId").GetString(), automatic.Remediation.GetProperty("approvalMode").GetString())
            .ShouldBe(("aws.ecs.force-new-deployment", "auto"));
        automatic.Remediation.GetProperty("parameters").GetProperty("cluster").GetString().ShouldBe("shop-prod");
        automatic.Remediation.GetProperty("parameters").GetProperty("service").GetString().ShouldBe("search");
        var result = automatic.Remediation.GetProperty("result");
        result.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        result.GetProperty("request").GetString().ShouldNotBeNull().ShouldContain("UpdateService");
        automatic.Incident.GetProperty("analysis").GetProperty("category").GetString().ShouldBeOneOf("crash-loop", "out-of-memory");

        var waiting = remediations.Single(r => r.State == "pendingApproval");
        waiting.Remediation.GetProperty("actionId").GetString().ShouldBe("aws.ec2.reboot-instances");
        waiting.Incident.GetProperty("analysis").GetProperty("category").GetString().ShouldBe("resource-saturation");

        // Everything happened on the demo's clock within its first two minutes (the clock never went further).
        foreach (var (incident, remediation, _) in remediations)
        {
            incident.GetProperty("createdAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(Start + TwoMinutes);
            remediation.GetProperty("updatedAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(Start + TwoMinutes);
        }

        // The timeline tells the same story a person reads in the UI: the automatic approval and the dry run.
        var steps = automatic.Incident.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "remediation")
            .Select(e => e.GetProperty("data").GetProperty("step").GetString()).ToList();
        steps.ShouldBe(["proposed", "approved", "succeeded"], automatic.Incident.GetProperty("timeline").ToString());
    }

    private sealed record Found(JsonElement Incident, JsonElement Remediation, string State);

    private static async Task<IReadOnlyList<Found>> RemediationsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/incidents?offset=0&pageSize=50");
        var found = new List<Found>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var incident = await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{item.GetProperty("id").GetString()}");
            found.AddRange(incident.GetProperty("remediations").EnumerateArray()
                .Select(r => new Found(incident, r, r.GetProperty("state").GetString()!)));
        }

        return found;
    }
}
