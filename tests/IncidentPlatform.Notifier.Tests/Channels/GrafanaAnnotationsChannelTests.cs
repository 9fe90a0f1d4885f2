using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class GrafanaAnnotationsChannelTests
{
    private static readonly DateTimeOffset Opened = TestData.Now.AddMinutes(-42);

    private static Dictionary<string, string?> Grafana(FakeGrafana fake, params (string Key, string? Value)[] settings) =>
        ChannelConfig.Channel("grafana", "grafana-annotations", [
            ("Url", fake.Server.BaseAddress.ToString()), ("Token", FakeGrafana.Token),
            ("CoalesceWindow", "00:00:00"), ("RetryDelay", "00:00:00.010"), .. settings]);

    private static string Lookup(string incidentId) =>
        $"GET /api/annotations?type=annotation&tags=incidentplatform&tags=incident%3A{incidentId}&limit=1";

    [Fact]
    public async Task IncidentLifecycle_RegionFromOpenToResolveWithAnalysisAndRemediationOutcome()
    {
        await using var fake = await FakeGrafana.StartAsync();
        await using var host = await NotifierHost.StartAsync(Grafana(fake, ("DashboardUid", "ops-overview"), ("PanelId", "4")));
        var incident = await host.OpenAsync(TestData.Incident(title: "Checkout <b>errors</b>") with { CreatedAt = Opened });
        var remediation = TestData.Remediation(incident.Id);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = TestData.Now, Analysis = TestData.Analysis() });
        await host.PublishAsync(TestData.ApprovalRequested(remediation)); // nothing to show: no request
        await host.PublishAsync(new RemediationExecuted
        {
            IncidentId = incident.Id, RemediationId = remediation.Id, OccurredAt = TestData.Now,
            Remediation = remediation with { State = RemediationState.Succeeded },
            Result = new RemediationResult
            {
                Success = true, Output = "deployment ecs-svc/7 started", StartedAt = TestData.Now, FinishedAt = TestData.Now,
            },
        });
        var resolved = TestData.Resolved(incident);
        await host.PublishAsync(resolved with
        {
            Incident = resolved.Incident with { ResolvedAt = TestData.Now },
            ResolvedBy = "remediation", Reason = $"remediation {remediation.Id} verified: no alert since the action finished",
        });

        fake.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}").ShouldBe([
            Lookup(incident.Id), "POST /api/annotations", "PATCH /api/annotations/1", "PATCH /api/annotations/1", "PATCH /api/annotations/1",
        ]);
        fake.Requests.ShouldAllBe(r => r.Header("Authorization") == $"Bearer {FakeGrafana.Token}" && r.Header("Accept") == "application/json");
        fake.Requests.Skip(1).ShouldAllBe(r => r.Header("Content-Type") == "application/json; charset=utf-8");

        var title = "[High] Checkout &lt;b&gt;errors&lt;/b&gt;";
        var tags = new[] { "incidentplatform", $"incident:{incident.Id}", "service:checkout", "severity:high" };
        var created = fake.Requests[1].Json();
        created.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["dashboardUID", "panelId", "tags", "text", "time", "timeEnd"]);
        created.GetProperty("dashboardUID").GetString().ShouldBe("ops-overview");
        created.GetProperty("panelId").GetInt32().ShouldBe(4);
        created.GetProperty("time").GetInt64().ShouldBe(Opened.ToUnixTimeMilliseconds());
        created.GetProperty("timeEnd").GetInt64().ShouldBe(Opened.ToUnixTimeMilliseconds());
        created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(tags);
        created.GetProperty("text").GetString().ShouldBe(title);

        var analysis = "<strong>Analysis:</strong> resource-exhaustion — Connection pool exhausted (80 %)";
        var outcome = "<strong>Remediation:</strong> aws.ecs.force-new-deployment ran: deployment ecs-svc/7 started";
        var patches = fake.Requests.Skip(2).Select(r => r.Json()).ToList();
        patches.Take(2).ShouldAllBe(p => p.EnumerateObject().Select(q => q.Name).Order().SequenceEqual(new[] { "tags", "text" }));
        patches.ShouldAllBe(p => p.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).SequenceEqual(
            tags.Append("category:resource-exhaustion")));
        patches[0].GetProperty("text").GetString().ShouldBe($"{title}<br>\n{analysis}");
        patches[1].GetProperty("text").GetString().ShouldBe($"{title}<br>\n{analysis}<br>\n{outcome}");
        patches[2].EnumerateObject().Select(q => q.Name).Order().ShouldBe(["tags", "text", "timeEnd"]);
        patches[2].GetProperty("timeEnd").GetInt64().ShouldBe(TestData.Now.ToUnixTimeMilliseconds());
        patches[2].GetProperty("text").GetString().ShouldBe(
            $"{title}<br>\n{analysis}<br>\n{outcome}<br>\n<strong>Resolved:</strong> remediation — remediation {remediation.Id} verified: no alert since the action finished");

        var region = fake.Annotations.ShouldHaveSingleItem();
        ((long)region["time"]!).ShouldBe(Opened.ToUnixTimeMilliseconds());
        ((long)region["timeEnd"]!).ShouldBe(TestData.Now.ToUnixTimeMilliseconds());
        var deliveries = await host.DeliveriesAsync(incident.Id);
        deliveries.Count.ShouldBe(4);
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Delivered && d.ExternalRef == "1");
    }

    [Fact]
    public async Task Create_AnswerLost_RetryFindsTheAnnotationByItsTagsAndCreatesNoSecond()
    {
        await using var fake = await FakeGrafana.StartAsync();
        fake.LoseNextCreateAnswer = true;
        await using var host = await NotifierHost.StartAsync(Grafana(fake));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Annotations.Count.ShouldBe(1);
        fake.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}").ShouldBe([
            Lookup(incident.Id), "POST /api/annotations", Lookup(incident.Id), "PATCH /api/annotations/1",
        ]);
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.ExternalRef.ShouldBe("1");
        delivery.Attempts.ShouldBe(2);
        fake.Requests[1].Json().TryGetProperty("dashboardUID", out _).ShouldBeFalse(); // an organization annotation
    }

    [Fact]
    public async Task Resolved_WithoutAnAnnotationYet_CreatesTheWholeRegion()
    {
        await using var fake = await FakeGrafana.StartAsync();
        await using var host = await NotifierHost.StartAsync(Grafana(fake));
        var incident = TestData.Incident(severity: Severity.Critical) with { CreatedAt = Opened };
        var resolved = TestData.Resolved(incident);

        await host.PublishAsync(resolved with { Incident = resolved.Incident with { ResolvedAt = TestData.Now } });

        var created = fake.Requests[1].Json();
        created.GetProperty("time").GetInt64().ShouldBe(Opened.ToUnixTimeMilliseconds());
        created.GetProperty("timeEnd").GetInt64().ShouldBe(TestData.Now.ToUnixTimeMilliseconds());
        created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain("severity:critical");
        created.GetProperty("text").GetString().ShouldBe("[Critical] Checkout errors<br>\n<strong>Resolved:</strong> alice — fixed");
        fake.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WrongToken_IsAFailureNamingGrafanasAnswer()
    {
        await using var fake = await FakeGrafana.StartAsync();
        var config = Grafana(fake);
        config["Notifier:Channels:grafana:Token"] = "glsa_revoked";
        await using var host = await NotifierHost.StartAsync(config);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer glsa_revoked");
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Detail.ShouldBe("Grafana: HTTP 401 {\"message\":\"Unauthorized\"}");
        fake.Annotations.ShouldBeEmpty();
    }
}
