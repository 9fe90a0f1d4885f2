using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class ServiceNowChannelTests
{
    private static Dictionary<string, string?> ServiceNow(FakeServiceNow fake, bool oauth = false) =>
        ChannelConfig.Channel("itsm", "servicenow", [
            ("Url", fake.Server.BaseAddress.ToString()),
            .. oauth
                ? new (string, string?)[] { ("ClientId", FakeServiceNow.ClientId), ("ClientSecret", FakeServiceNow.ClientSecret) }
                : [("Username", FakeServiceNow.User), ("Password", FakeServiceNow.Password)],
            ("AssignmentGroup", "8a4dde73c6112278017a6a4baf547aa7"), ("Caller", "46d44a23a9fe19810012d100cca80666"),
            ("CloseCode", "Workaround provided"), ("CoalesceWindow", "00:00:00"), ("RetryDelay", "00:00:00.010")]);

    private const string Lookup = "?sysparm_query=correlation_id%3D{0}&sysparm_fields=sys_id%2Cnumber&sysparm_limit=1";
    private const string Fields = "?sysparm_fields=sys_id%2Cnumber";

    [Fact]
    public async Task IncidentLifecycle_CreatesAddsWorkNotesForEachStepAndResolves()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        await using var host = await NotifierHost.StartAsync(ServiceNow(fake));
        var incident = await host.OpenAsync(TestData.Incident(severity: Severity.Critical, title: "Checkout [code]<img src=x onerror=alert(1)>[/code]"));
        var remediation = TestData.Remediation(incident.Id);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = TestData.Now, Analysis = TestData.Analysis() });
        await host.PublishAsync(new RemediationProposed
        {
            IncidentId = incident.Id, RemediationId = remediation.Id, OccurredAt = TestData.Now, Remediation = remediation,
        });
        await host.PublishAsync(new RemediationApproved
        {
            IncidentId = incident.Id, RemediationId = remediation.Id, OccurredAt = TestData.Now, Actor = "bob", Channel = "slack",
            Remediation = remediation with { State = RemediationState.Approved },
        });
        await host.PublishAsync(new RemediationExecuted
        {
            IncidentId = incident.Id, RemediationId = remediation.Id, OccurredAt = TestData.Now,
            Remediation = remediation with { State = RemediationState.Succeeded },
            Result = new RemediationResult
            {
                Success = true, Output = "deployment ecs-svc/7 started", StartedAt = TestData.Now, FinishedAt = TestData.Now,
            },
        });
        await host.PublishAsync(TestData.Resolved(incident) with
        {
            ResolvedBy = "remediation",
            Reason = $"remediation {remediation.Id} (aws.ecs.force-new-deployment) verified: no alert since the action finished",
        });

        var sysId = (string)fake.Incidents.ShouldHaveSingleItem()["sys_id"]!;
        fake.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}").ShouldBe([
            "GET /api/now/table/incident" + string.Format(Lookup, incident.Id),
            "POST /api/now/table/incident" + Fields,
            .. Enumerable.Repeat($"PATCH /api/now/table/incident/{sysId}{Fields}", 5),
        ]);
        fake.Requests.ShouldAllBe(r => r.Header("Authorization") == FakeServiceNow.Basic && r.Header("Accept") == "application/json");
        fake.Requests.Skip(1).ShouldAllBe(r => r.Header("Content-Type") == "application/json; charset=utf-8");
        fake.Requests[0].Body.ShouldBeEmpty();

        var created = fake.Requests[1].Json();
        created.EnumerateObject().Select(p => p.Name).Order().ShouldBe([
            "assignment_group", "caller_id", "correlation_display", "correlation_id", "description", "impact", "short_description", "urgency",
        ]);
        created.GetProperty("short_description").GetString().ShouldBe("[Critical] Checkout [code]<img src=x onerror=alert(1)>[/code]");
        created.GetProperty("correlation_id").GetString().ShouldBe(incident.Id);
        created.GetProperty("correlation_display").GetString().ShouldBe("IncidentPlatform");
        created.GetProperty("impact").GetString().ShouldBe("1");
        created.GetProperty("urgency").GetString().ShouldBe("1");
        created.GetProperty("assignment_group").GetString().ShouldBe("8a4dde73c6112278017a6a4baf547aa7");
        created.GetProperty("caller_id").GetString().ShouldBe("46d44a23a9fe19810012d100cca80666");
        var description = created.GetProperty("description").GetString()!;
        description.ShouldStartWith("Incident opened\nIncident: Checkout (code)<img src=x onerror=alert(1)>(/code)\n");
        description.ShouldContain($"Id: {incident.Id}\nSeverity: Critical\nStatus: Open\nService: checkout\nAlerts: 3");

        var notes = fake.Requests.Skip(2).Select(r => r.Json()).ToList();
        notes.Take(4).ShouldAllBe(n => n.EnumerateObject().Single().Name == "work_notes");
        var text = notes.Select(n => n.GetProperty("work_notes").GetString()!).ToList();
        text.ShouldAllBe(t => t.StartsWith("[Critical] Checkout (code)<img src=x onerror=alert(1)>(/code)\n", StringComparison.Ordinal));
        text[0].ShouldContain("Root-cause analysis ready");
        text[0].ShouldContain("Category: resource-exhaustion");
        text[0].ShouldContain("Likely cause: Connection pool exhausted (80");
        text[0].ShouldContain("Impact: checkout fails for a third of users");
        text[1].ShouldContain("Remediation proposed: aws.ecs.force-new-deployment\n");
        text[1].ShouldContain("Parameters: cluster=prod, service=checkout");
        text[1].ShouldContain("Rule: restart-on-pool-exhaustion");
        text[2].ShouldContain("Remediation approved by bob: aws.ecs.force-new-deployment");
        text[3].ShouldContain("Remediation ran: aws.ecs.force-new-deployment");
        text[3].ShouldContain("Output: deployment ecs-svc/7 started");

        var resolved = notes[4];
        resolved.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["close_code", "close_notes", "state", "work_notes"]);
        resolved.GetProperty("state").GetString().ShouldBe("6");
        resolved.GetProperty("close_code").GetString().ShouldBe("Workaround provided");
        resolved.GetProperty("close_notes").GetString().ShouldBe(
            $"Incident resolved by remediation: remediation {remediation.Id} (aws.ecs.force-new-deployment) verified: no alert since the action finished");
        text[4].ShouldContain("Incident resolved by remediation");

        var stored = fake.Incidents.Single();
        ((string)stored["state"]!).ShouldBe("6");
        var deliveries = await host.DeliveriesAsync(incident.Id);
        deliveries.Count.ShouldBe(6);
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Delivered && d.ExternalRef == "INC0010001");
    }

    [Fact]
    public async Task Update_SeverityRaised_AddsAWorkNoteAndRaisesImpactAndUrgency()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        await using var host = await NotifierHost.StartAsync(ServiceNow(fake));
        var incident = TestData.Incident(severity: Severity.Medium);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Updated(incident with { Severity = Severity.High, Version = 2 }, "severity"));

        var created = fake.Requests[1].Json();
        (created.GetProperty("impact").GetString(), created.GetProperty("urgency").GetString()).ShouldBe(("2", "2"));
        var update = fake.Requests[2].Json();
        update.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["impact", "urgency", "work_notes"]);
        (update.GetProperty("impact").GetString(), update.GetProperty("urgency").GetString()).ShouldBe(("1", "2"));
        update.GetProperty("work_notes").GetString()!.ShouldContain("Incident updated (severity)");
    }

    [Fact]
    public async Task Create_AnswerLost_RetryFindsTheIncidentByCorrelationIdAndCreatesNoSecond()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        fake.LoseNextCreateAnswer = true;
        await using var host = await NotifierHost.StartAsync(ServiceNow(fake));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Incidents.Count.ShouldBe(1);
        fake.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}").ShouldBe([
            "GET /api/now/table/incident" + string.Format(Lookup, incident.Id),
            "POST /api/now/table/incident" + Fields,
            "GET /api/now/table/incident" + string.Format(Lookup, incident.Id),
        ]);
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.ExternalRef.ShouldBe("INC0010001");
        delivery.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Redelivery_ToANotifierWithoutTheChannelState_UpdatesTheExistingIncident()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        var incident = TestData.Incident();
        await using (var first = await NotifierHost.StartAsync(ServiceNow(fake)))
        {
            await first.PublishAsync(TestData.Opened(incident));
        }

        // Another notifier (its own store: the channel state is gone) gets the same messages again.
        await using var second = await NotifierHost.StartAsync(ServiceNow(fake));
        await second.PublishAsync(TestData.Opened(incident));
        await second.PublishAsync(TestData.Resolved(incident));

        var only = fake.Incidents.ShouldHaveSingleItem();
        fake.Requests.Count(r => r.Method == "POST").ShouldBe(1);
        fake.Requests.Skip(2).Select(r => $"{r.Method} {r.Path}").ShouldBe([
            "GET /api/now/table/incident", $"PATCH /api/now/table/incident/{only["sys_id"]}",
        ]);
        ((string)only["state"]!).ShouldBe("6");
        (await second.DeliveriesAsync(incident.Id)).ShouldAllBe(d => d.Status == DeliveryStatus.Delivered && d.ExternalRef == "INC0010001");
    }

    [Fact]
    public async Task OAuth_TokenFromClientCredentials_IsReusedUntilItExpiresOrIsRevoked()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        await using var host = await NotifierHost.StartAsync(ServiceNow(fake, oauth: true));
        var incident = await host.OpenAsync(TestData.Incident());

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = TestData.Now, Analysis = TestData.Analysis() });
        host.Time.Advance(TimeSpan.FromSeconds(FakeServiceNow.TokenSeconds));
        await host.PublishAsync(TestData.ApprovalRequested(TestData.Remediation(incident.Id)));
        fake.RevokeTokens();
        await host.PublishAsync(TestData.Resolved(incident));

        fake.Requests.Select(r => $"{r.Method} {r.Path}").ShouldBe([
            "POST /oauth_token.do", "GET /api/now/table/incident", "POST /api/now/table/incident",
            "PATCH /api/now/table/incident/" + fake.Incidents[0]["sys_id"],
            "POST /oauth_token.do", "PATCH /api/now/table/incident/" + fake.Incidents[0]["sys_id"],
            "PATCH /api/now/table/incident/" + fake.Incidents[0]["sys_id"], // refused: the token was revoked
            "POST /oauth_token.do", "PATCH /api/now/table/incident/" + fake.Incidents[0]["sys_id"],
        ]);
        var token = fake.Requests[0];
        token.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        token.Header("Accept").ShouldBe("application/json");
        token.Header("Authorization").ShouldBeNull();
        token.Form().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = FakeServiceNow.ClientId, ["client_secret"] = FakeServiceNow.ClientSecret,
        });
        fake.Requests.Where(r => r.Path != "/oauth_token.do").Select(r => r.Header("Authorization"))
            .ShouldBe(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-3"]);
        var deliveries = await host.DeliveriesAsync(incident.Id);
        deliveries.Count.ShouldBe(4);
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Delivered);
        ((string)fake.Incidents[0]["state"]!).ShouldBe("6");
    }

    [Fact]
    public async Task OAuth_WrongClientSecret_FailsWithoutCallingTheTableApi()
    {
        await using var fake = await FakeServiceNow.StartAsync();
        var config = ServiceNow(fake, oauth: true);
        config["Notifier:Channels:itsm:ClientSecret"] = "wrong";
        await using var host = await NotifierHost.StartAsync(config);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/oauth_token.do");
        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Detail.ShouldBe("ServiceNow token request: HTTP 401 {\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
    }

    [Theory]
    [InlineData(Severity.Critical, "1", "1")]
    [InlineData(Severity.High, "1", "2")]
    [InlineData(Severity.Medium, "2", "2")]
    [InlineData(Severity.Low, "2", "3")]
    [InlineData(Severity.Info, "3", "3")]
    public void Map_EachSeverity_GivesImpactAndUrgency(Severity severity, string impact, string urgency) =>
        Notifier.Channels.ServiceNow.ServiceNowFields.Map(severity).ShouldBe((impact, urgency));
}
