using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
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
    public async Task IncidentManagement_BadArguments_IsToolErrorNamingTheArgument(string arguments, string expected)
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Admin);

        var result = await client.CallAsync("incident_management", System.Text.Json.JsonDocument.Parse(arguments).RootElement);

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain(expected);
    }

    [Fact]
    public async Task IncidentDetection_SendsRunDetectionAndBoundsTheSignals()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        fakes.Detection = new DetectionResult
        {
            Accepted = true, Rule = "5xx", EventsScanned = 1234,
            Signals = [.. Enumerable.Range(0, 30).Select(i => new SignalEvidence
            {
                Kind = SignalKind.Threshold, Count = i, WindowStart = T0, WindowEnd = T0.AddMinutes(5),
                SampleLines = [new string('e', 1000), "b", "c", "d"],
            })],
        };
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = (await client.CallAsync("incident_detection",
            new { rule = "5xx", earliest = "2026-11-21T07:00:00Z" })).Structured();

        var sent = fakes.Of<RunDetection>().Single();
        sent.Rule.ShouldBe("5xx");
        sent.Earliest.ShouldBe(T0.AddHours(-1));
        sent.Raise.ShouldBeFalse();
        sent.RequestedBy.ShouldBe("reader");
        result.GetProperty("signalCount").GetInt32().ShouldBe(30);
        result.GetProperty("signals").GetArrayLength().ShouldBe(20);
        var lines = result.GetProperty("signals")[0].GetProperty("sampleLines");
        lines.GetArrayLength().ShouldBe(3);
        lines[0].GetString()!.ShouldEndWith("…[truncated 700 more characters]");
    }

    [Fact]
    public async Task IncidentDetection_NeitherRuleNorQuery_IsToolError()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("incident_detection", new { raise = false });

        result.IsError.ShouldBe(true);
        fakes.Of<RunDetection>().ShouldBeEmpty();
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
    public async Task Silences_CreateListDelete_StoresDocuments()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var writer = await McpClients.ConnectAsync(host, TestKeys.Writer);
        await using var admin = await McpClients.ConnectAsync(host, TestKeys.Admin);

        var created = (await writer.CallAsync("silences", new
        {
            action = "create", durationMinutes = 60, comment = "deploy",
            matchers = new object[] { new { name = "service", value = "checkout" }, new { name = "env", value = "pr.*", isRegex = true } },
        })).Structured().GetProperty("silence");
        var listed = (await writer.CallAsync("silences", new { action = "list" })).Structured();
        var deleted = await admin.CallAsync("silences", new { action = "delete", id = created.GetProperty("id").GetString() });
        var after = (await writer.CallAsync("silences", new { action = "list" })).Structured();

        created.GetProperty("createdBy").GetString().ShouldBe("writer");
        listed.GetProperty("items").GetArrayLength().ShouldBe(1);
        listed.GetProperty("items")[0].GetProperty("matchers")[1].GetProperty("isRegex").GetBoolean().ShouldBeTrue();
        deleted.IsError.ShouldNotBe(true);
        after.GetProperty("items").GetArrayLength().ShouldBe(0);
        var stored = await host.Services.GetRequiredService<IDocumentStore>().ListAsync("silences");
        stored.ShouldBeEmpty();
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
        result.Text().ShouldContain("not a valid regular expression");
    }
}
