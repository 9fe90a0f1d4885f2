using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class JiraChannelTests
{
    private static async Task<FakeHttpServer> JiraAsync()
    {
        var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Method == "POST" && r.Path == "/rest/api/3/issue", 201,
            "{\"id\":\"10001\",\"key\":\"OPS-42\",\"self\":\"https://jira.invalid/rest/api/3/issue/10001\"}");
        fake.On(r => r.Method == "POST" && r.Path == "/rest/api/3/issue/OPS-42/comment", 201, "{\"id\":\"1\"}");
        fake.On(r => r.Method == "GET" && r.Path == "/rest/api/3/issue/OPS-42/transitions", 200,
            "{\"transitions\":[{\"id\":\"11\",\"name\":\"Start\",\"to\":{\"name\":\"In Progress\"}}," +
            "{\"id\":\"31\",\"name\":\"Done\",\"to\":{\"name\":\"Done\"}}]}");
        fake.On(r => r.Method == "POST" && r.Path == "/rest/api/3/issue/OPS-42/transitions", 204, "");
        return fake;
    }

    private static Dictionary<string, string?> Jira(FakeHttpServer fake) => ChannelConfig.Channel("ops-jira", "jira",
        ("Url", fake.BaseAddress.ToString()), ("Username", "bot@example.com"), ("Password", "api-token"),
        ("Project", "OPS"), ("IssueType", "Incident"), ("CoalesceWindow", "00:00:00"));

    [Fact]
    public async Task IncidentLifecycle_CreatesIssueCommentsAndTransitionsByName()
    {
        await using var fake = await JiraAsync();
        await using var host = await NotifierHost.StartAsync(Jira(fake));
        var incident = TestData.Incident(title: "Checkout <script>alert(1)</script>");

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Updated(incident with { Version = 2, AlertCount = 9 }, "alerts"));
        await host.PublishAsync(TestData.Resolved(incident with { Version = 2 }));

        fake.Requests.Select(r => $"{r.Method} {r.Path}").ShouldBe([
            "POST /rest/api/3/issue",
            "POST /rest/api/3/issue/OPS-42/comment",
            "GET /rest/api/3/issue/OPS-42/transitions",
            "POST /rest/api/3/issue/OPS-42/transitions",
            "POST /rest/api/3/issue/OPS-42/comment",
        ]);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.com:api-token"));
        fake.Requests.ShouldAllBe(r => r.Header("Authorization") == basic);

        var fields = fake.Requests[0].Json().GetProperty("fields");
        fields.GetProperty("project").GetProperty("key").GetString().ShouldBe("OPS");
        fields.GetProperty("issuetype").GetProperty("name").GetString().ShouldBe("Incident");
        fields.GetProperty("summary").GetString().ShouldBe("[High] Checkout <script>alert(1)</script>");
        var description = fields.GetProperty("description");
        description.GetProperty("type").GetString().ShouldBe("doc");
        description.GetProperty("version").GetInt32().ShouldBe(1);
        var first = description.GetProperty("content")[0];
        first.GetProperty("type").GetString().ShouldBe("paragraph");
        first.GetProperty("content")[0].GetProperty("marks")[0].GetProperty("type").GetString().ShouldBe("strong");
        // The untrusted title is a text node: ADF has no markup for it to inject.
        description.GetProperty("content").EnumerateArray().SelectMany(p => p.TryGetProperty("content", out var c) ? c.EnumerateArray() : [])
            .ShouldContain(n => n.GetProperty("text").GetString() == "Checkout <script>alert(1)</script>");

        fake.Requests[1].Json().GetProperty("body").GetProperty("type").GetString().ShouldBe("doc");
        fake.Requests[3].Json().GetProperty("transition").GetProperty("id").GetString().ShouldBe("31");
        var deliveries = await host.DeliveriesAsync(incident.Id);
        deliveries.Count.ShouldBe(3);
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Delivered && d.ExternalRef == "OPS-42");
    }

    [Fact]
    public async Task Resolve_WithUnknownTransitionName_FailsNamingTheAvailableOnes()
    {
        await using var fake = await JiraAsync();
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Merge(Jira(fake),
            new() { ["Notifier:Channels:ops-jira:ResolveTransition"] = "Close Issue" }));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Resolved(incident));

        var failed = (await host.DeliveriesAsync(incident.Id)).Last();
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Detail.ShouldBe("Jira issue OPS-42 has no transition named 'Close Issue' (available: Start, Done)");
        fake.Requests.ShouldNotContain(r => r.Method == "POST" && r.Path.EndsWith("/transitions", StringComparison.Ordinal));
    }
}
