using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Mcp;

public sealed class McpToolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IncidentManagement_Get_ReturnsBoundedDetailWithAlertsAndTimeline()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var http = host.Client(TestKeys.Writer);
        (await http.PostAsync("/api/alerts", Wire.Alert(title: "Pool exhausted", service: "orders"))).EnsureSuccessStatusCode();
        var incident = await Eventually.GetAsync(
            async () => (await host.Services.GetRequiredService<IIncidentStore>().ListAsync(new IncidentQuery { Service = "orders" })).Items,
            items => items.Count == 1);
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var detail = (await client.CallAsync("incident_management", new { action = "get", id = incident[0].Id })).Structured();

        detail.GetProperty("title").GetString().ShouldBe("Pool exhausted");
        detail.GetProperty("alerts")[0].GetProperty("title").GetString().ShouldBe("Pool exhausted");
        detail.GetProperty("timeline").GetArrayLength().ShouldBe(detail.GetProperty("timelineEntries").GetInt32());
        detail.TryGetProperty("recentAlertIds", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task IncidentManagement_ListAndGet_TextIsReadableLinesBesideTheStructuredContent()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0, "Checkout latency");
        var store = host.Services.GetRequiredService<IIncidentStore>();
        await store.AppendTimelineAsync(incident.Id, new TimelineEntry { At = T0, Kind = "note", Message = "Looking into it", Actor = "writer" });
        incident = (await store.GetAsync(incident.Id))!;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var list = await client.CallAsync("incident_management", new { action = "list" });
        var detail = await client.CallAsync("incident_management", new { action = "get", id = incident.Id });

        list.Text().Split('\n').ShouldBe([
            "1 incident(s).",
            $"- {incident.Id} [high, open] Checkout latency — checkout; {incident.AlertCount} alert(s), updated {incident.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z",
        ]);
        detail.Text().ShouldContain("Service: checkout;");
        detail.Text().ShouldContain("- 2026-11-21 08:00Z note: Looking into it (writer)");
        detail.Text().ShouldNotContain("{\"");
        detail.Structured().GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("message").GetString() == "Looking into it");
    }

    [Fact]
    public async Task IncidentManagement_CreateThenList_TheDetectorOpensTheIncident()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Writer);

        var created = (await client.CallAsync("incident_management",
            new { action = "create", title = "Disk full on db-1", severity = "critical", service = "db" })).Structured();
        var listed = await Eventually.GetAsync(
            async () => (await client.CallAsync("incident_management", new { action = "search", query = "Disk full" })).Structured(),
            l => l.GetProperty("items").GetArrayLength() == 1);

        created.GetProperty("alertId").GetString()!.ShouldStartWith("alt");
        listed.GetProperty("items")[0].GetProperty("severity").GetString().ShouldBe("critical");
    }

    [Fact]
    public async Task IncidentManagement_AcknowledgeThenResolve_RecordsTheKeyNameAsActor()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Writer);

        var acknowledged = (await client.CallAsync("incident_management", new { action = "acknowledge", id = incident.Id })).Structured();
        var resolved = (await client.CallAsync("incident_management",
            new { action = "resolve", id = incident.Id, reason = "rolled back" })).Structured();

        acknowledged.GetProperty("incident").GetProperty("status").GetString().ShouldBe("acknowledged");
        resolved.GetProperty("incident").GetProperty("status").GetString().ShouldBe("resolved");
        var stored = await host.Services.GetRequiredService<IIncidentStore>().GetAsync(incident.Id);
        stored!.AcknowledgedBy.ShouldBe("writer");
        stored.ResolvedBy.ShouldBe("writer");
    }

    [Theory]
    [InlineData("get", "inc-nope", "Not found")]
    [InlineData("acknowledge", "inc-nope", "Not found (404)")]
    public async Task IncidentManagement_UnknownIncident_IsToolError(string action, string id, string expected)
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Admin);

        var result = await client.CallAsync("incident_management", new { action, id });

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain(expected);
    }

    [Theory]
    [InlineData("{\"action\":\"explode\"}", "'action' must be one of")]
    [InlineData("{\"action\":\"get\"}", "'id' is required")]
    [InlineData("{\"action\":\"list\",\"pageSize\":500}", "'pageSize' must be a whole number from 1 to 50")]
    [InlineData("{\"action\":\"update\",\"id\":\"inc-1\",\"severity\":\"urgent\"}", "'severity' must be one of")]
    [InlineData("{\"action\":\"list\",\"cursor\":\"garbage\"}", "'cursor' is not a nextCursor")]
    [InlineData("{\"action\":\"list\",\"pageSize\":\"ten\"}", "'pageSize' must be a whole number")]
    [InlineData("{\"action\":\"list\",\"status\":\"closed\"}", "'status' must be one of: open, acknowledged, resolved")]
    [InlineData("{\"action\":\"create\",\"labels\":[\"env\"]}", "'labels' must be an object of string values")]
    [InlineData("{}", "'action' is required")]
    public async Task IncidentManagement_BadArguments_IsToolErrorNamingTheArgument(string arguments, string expected)
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Admin);

        var result = await client.CallAsync("incident_management", System.Text.Json.JsonDocument.Parse(arguments).RootElement);

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain(expected);
    }

    [Fact]
    public async Task IncidentDetection_RunsTheRuleOnSplunkAndBoundsTheSignals()
    {
        // The detector in the host runs the rule against a fake Splunk: 30 services over the threshold, 4 lines each.
        await using var splunk = await FakeSplunk.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            var service = $"svc-{i:D2}";
            splunk.Add(T0.AddMinutes(-30), service, $"{service} " + new string('e', 1000));
            foreach (var line in new[] { "b", "c", "d" })
            {
                splunk.Add(T0.AddMinutes(-20), service, $"{service} {line}");
            }
        }

        await using var host = await GatewayTestHost.StartAsync([
            new("Splunk:Url", splunk.Server.BaseAddress.ToString()), new("Splunk:Token", "splunk-test-token"),
            new("Detector:Rules:5xx:Query", "index=web status>=500"), new("Detector:Rules:5xx:Interval", "01:00:00"),
        ]);
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = (await client.CallAsync("incident_detection",
            new { rule = "5xx", earliest = "2026-11-21T07:00:00Z", latest = "2026-11-21T08:00:00Z" })).Structured();

        var sent = splunk.Exports.Single(r => FakeSplunk.WindowOf(r) == (T0.AddHours(-1), T0));
        sent.Form()["search"].ShouldBe("search index=web status>=500");
        sent.Header("Authorization").ShouldBe("Bearer splunk-test-token");
        result.GetProperty("signalCount").GetInt32().ShouldBe(30);
        result.GetProperty("signals").GetArrayLength().ShouldBe(20);
        var lines = result.GetProperty("signals")[0].GetProperty("sampleLines");
        lines.GetArrayLength().ShouldBe(3);
        lines[0].GetString()!.ShouldEndWith("…[truncated 707 more characters]");
        result.GetProperty("alertIds").GetArrayLength().ShouldBe(0); // raise=false: nothing becomes an incident
        (await host.Services.GetRequiredService<IIncidentStore>().ListAsync(new IncidentQuery())).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task IncidentDetection_NeitherRuleNorQuery_IsToolError()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("incident_detection", new { raise = false });

        result.IsError.ShouldBe(true);
        fakes.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task RootCauseAnalysis_WithoutAnalysis_RequestsOneAndWaitsForIt()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        var incident = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, T0);
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("root_cause_analysis", new { id = incident.Id, waitSeconds = 20 });

        result.Structured().GetProperty("analysis").GetProperty("category").GetString().ShouldBe("connection-pool-exhaustion");
        result.Text().ShouldStartWith("Analysis (new): connection-pool-exhaustion");
        fakes.Of<AnalyzeIncident>().Single().RequestedBy.ShouldBe("reader");
    }

    [Fact]
    public async Task RootCauseAnalysis_Existing_ReturnsItWithoutAsking()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        var incident = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, T0);
        await host.Services.GetRequiredService<IIncidentStore>().UpdateAsync(incident.Id, i => i with
        {
            Analysis = new IncidentAnalysis
            {
                Category = "dns", Severity = Severity.Low, Provider = "offline", AnalyzedAt = T0,
                Hypotheses = [new Hypothesis { Summary = "Resolver down", Confidence = 0.5, Evidence = [new string('l', 900)] }],
            },
        });
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = (await client.CallAsync("root_cause_analysis", new { id = incident.Id })).Structured();

        result.GetProperty("analysis").GetProperty("category").GetString().ShouldBe("dns");
        result.GetProperty("analysis").GetProperty("hypotheses")[0].GetProperty("evidence")[0].GetString()!.ShouldContain("[truncated 600");
        fakes.Of<AnalyzeIncident>().ShouldBeEmpty();
    }

    [Fact]
    public async Task SlackNotifications_PreviewByReader_SendsPreviewAndTruncatesText()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = (await client.CallAsync("slack_notifications", new { id = "inc-1", channel = "ops", message = "FYI" })).Structured();

        var sent = fakes.Of<SendNotification>().Single();
        sent.Preview.ShouldBeTrue();
        sent.Channel.ShouldBe("ops");
        sent.Message.ShouldBe("FYI");
        result.GetProperty("deliveries")[0].GetProperty("status").GetString().ShouldBe("preview");
        result.GetProperty("deliveries")[0].GetProperty("text").GetString()!.Length.ShouldBeLessThan(2100);
    }

    [Fact]
    public async Task Silences_CreateListExpire_SharesTheRestApisRecords()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var writer = await McpClients.ConnectAsync(host, TestKeys.Writer);
        using var rest = host.Client(TestKeys.Reader);

        var created = (await writer.CallAsync("silences", new
        {
            action = "create", durationMinutes = 60, comment = "deploy",
            matchers = new object[] { new { name = "service", value = "checkout" }, new { name = "env", value = "pr.*", isRegex = true } },
        })).Structured().GetProperty("silence");
        var id = created.GetProperty("id").GetString();
        var listed = (await writer.CallAsync("silences", new { action = "list" })).Structured();
        var expired = await writer.CallAsync("silences", new { action = "expire", id });
        var after = (await writer.CallAsync("silences", new { action = "list" })).Structured();

        created.GetProperty("createdBy").GetString().ShouldBe("writer");
        created.GetProperty("state").GetString().ShouldBe("active");
        listed.GetProperty("items").GetArrayLength().ShouldBe(1);
        listed.GetProperty("items")[0].GetProperty("matchers")[1].GetProperty("isRegex").GetBoolean().ShouldBeTrue();
        expired.IsError.ShouldNotBe(true);
        after.GetProperty("items").GetArrayLength().ShouldBe(0);
        var onRecord = await (await rest.GetAsync($"/api/silences/{id}")).ReadAsync();
        onRecord.GetProperty("state").GetString().ShouldBe("expired");
        onRecord.GetProperty("comment").GetString().ShouldBe("deploy");
    }

    [Fact]
    public async Task Silences_InvalidRegex_IsToolError()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Writer);

        var result = await client.CallAsync("silences", new
        {
            action = "create", durationMinutes = 5, matchers = new object[] { new { name = "service", value = "(", isRegex = true } },
        });

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain("not a usable regular expression");
    }
}
