using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>From IncidentAnalyzed to an executed action, through the consumers on the test harness and the embedded store.</summary>
public sealed class ProposalFlowTests : FakeServerTest
{
    private const string Policy = """
        rules:
          - name: ecs-redeploy
            match:
              categories: [crash-loop]
              labelPatterns: {cluster: "^[a-z-]+$"}
            actions:
              - action: aws.ecs.force-new-deployment
                parameters:
                  cluster: "{{labels.cluster}}"
                  service: "{{service}}"
            approval: auto
            cooldown: 30m
          - name: ec2-reboot
            match:
              categories: [resource-saturation]
              labelPatterns: {instance_id: "^i-"}
            actions:
              - action: aws.ec2.reboot-instances
                parameters:
                  instanceIds: "{{labels.instance_id}}"
            approval:
              mode: manual
              roles: [sre]
              expiresAfter: 30m
            risk: high
        """;

    protected override void Answer(FakeHttpServer server)
    {
        server.On(r => r.Header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.UpdateService", 200,
            """{"service":{"serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/checkout","status":"ACTIVE"}}""",
            "application/x-amz-json-1.1");
    }

    [Fact]
    public async Task Analyzed_SeveralAnalysesOfOneIncidentAtOnce_ProposeTheActionOnce()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));

        // Alerts joining an incident are analysed again: analyses of one incident may arrive together.
        await host.AnalyzedTogetherAsync(incident, Enumerable.Range(0, 8)
            .Select(i => TestData.Analysis(AnalysisCategories.CrashLoop, at: TestData.Wednesday10.AddSeconds(i))));

        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.Succeeded);
    }

    [Fact]
    public async Task Analyzed_AutoRule_ProposesApprovesAndExecutesOnce()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));

        await host.AnalyzedAsync(incident, TestData.Analysis(AnalysisCategories.CrashLoop));

        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.Succeeded);
        remediation.Rule.ShouldBe("ecs-redeploy");
        remediation.RequestedBy.ShouldBe("policy");
        remediation.PolicyVersion.ShouldMatch("^[0-9a-f]{64}$");
        remediation.Target.ShouldBe("prod/checkout");
        remediation.Result!.Success.ShouldBeTrue();
        remediation.Result.DryRun.ShouldBeFalse();
        var call = Server.Requests.ShouldHaveSingleItem();
        call.ShouldBeSignedFor("ecs");
        call.BodyText.ShouldBe("""{"cluster":"prod","service":"checkout","forceNewDeployment":true}""");
        host.Harness.Published.Select<RemediationProposed>().Count().ShouldBe(1);
        host.Harness.Published.Select<RemediationApproved>().Single().Context.Message.Actor.ShouldBe("policy");
        host.Harness.Published.Select<RemediationExecuted>().Single().Context.Message.RemediationId.ShouldBe(remediation.Id);

        var trail = await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default);
        trail.Where(e => e.RemediationId is not null).Select(e => e.Kind).ShouldBe(["proposed", "approved", "executing", "succeeded"]);
        trail.Count(e => e.Kind == "evaluated").ShouldBe(1);
        trail.Where(e => e.RemediationId is not null).ShouldAllBe(e => e.Rule == "ecs-redeploy" && e.PolicyVersion == remediation.PolicyVersion);
        trail.Single(e => e.Kind == "succeeded").Details["request"].ShouldContain("forceNewDeployment");
        (await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(incident.Id, default)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Analyzed_Redelivered_ChangesNothingTwiceAndSendsNothingTwice()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));
        var analysis = TestData.Analysis(AnalysisCategories.CrashLoop);

        await host.AnalyzedAsync(incident, analysis);
        await host.AnalyzedAsync(incident, analysis);
        await host.AnalyzedAsync(incident, analysis);

        (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem().State.ShouldBe(RemediationState.Succeeded);
        Server.Requests.Count.ShouldBe(1);
        host.Harness.Published.Select<RemediationProposed>().Count().ShouldBe(1);
        host.Harness.Published.Select<RemediationExecuted>().Count().ShouldBe(1);
        var kinds = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default)).Select(e => e.Kind).ToList();
        kinds.Count(k => k == "succeeded").ShouldBe(1);
        kinds.Count(k => k == "evaluated").ShouldBe(1);
    }

    [Fact]
    public async Task Analyzed_ManualRule_WaitsForApprovalWithExpiry()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("instance_id", "i-0123456789abcdef0"))));

        await host.AnalyzedAsync(incident, TestData.Analysis());

        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.PendingApproval);
        remediation.ExpiresAt.ShouldBe(host.Time.GetUtcNow().AddMinutes(30));
        remediation.Risk.ShouldBe(RiskLevel.High);
        remediation.AllowedRoles.ShouldBe(["sre"]);
        remediation.RequiredApprovals.ShouldBe(2); // high risk, no count said: two people
        host.Harness.Published.Select<ApprovalRequested>().Single().Context.Message.RemediationId.ShouldBe(remediation.Id);
        host.Harness.Published.Select<ExecuteRemediation>().ShouldBeEmpty();
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Analyzed_DryRunConfigured_RecordsTheRequestAndSendsNothing()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Remediation:DryRun"] = "true" });
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));

        await host.AnalyzedAsync(incident, TestData.Analysis(AnalysisCategories.CrashLoop));

        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.DryRun.ShouldBeTrue();
        remediation.Result!.DryRun.ShouldBeTrue();
        remediation.Result.Request.ShouldNotBeNull().ShouldContain("X-Amz-Target: AmazonEC2ContainerServiceV20141113.UpdateService");
        remediation.Result.Request.ShouldContain("""{"cluster":"prod","service":"checkout","forceNewDeployment":true}""");
        remediation.Result.Request.ShouldNotContain(AwsKeys.SecretAccessKey);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Analyzed_TargetInCooldown_IsHeldBackUntilTheCooldownEnds()
    {
        await using var host = await StartAsync();
        var first = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));
        await host.AnalyzedAsync(first, TestData.Analysis(AnalysisCategories.CrashLoop));

        var second = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));
        await host.AnalyzedAsync(second, TestData.Analysis(AnalysisCategories.CrashLoop));

        (await host.RemediationsAsync(second.Id)).ShouldBeEmpty();
        var evaluated = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(second.Id, default)).ShouldHaveSingleItem();
        evaluated.Kind.ShouldBe("evaluated");
        evaluated.Details["note01"].ShouldBe("rule 'ecs-redeploy': aws.ecs.force-new-deployment held back: prod/checkout is in its 30m cooldown");

        host.Time.Advance(TimeSpan.FromMinutes(31));
        var third = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("cluster", "prod"))));
        await host.AnalyzedAsync(third, TestData.Analysis(AnalysisCategories.CrashLoop, at: host.Time.GetUtcNow()));

        (await host.RemediationsAsync(third.Id)).ShouldHaveSingleItem().State.ShouldBe(RemediationState.Succeeded);
        Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Analyzed_NoRuleMatches_ProposesNothingAndWritesNoTrail()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident());

        await host.AnalyzedAsync(incident, TestData.Analysis(AnalysisCategories.Dns));

        (await host.RemediationsAsync(incident.Id)).ShouldBeEmpty();
        (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Suggest_ListsWhatThePolicyAllowsWithoutProposing()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident(labels: TestData.Labels(("instance_id", "i-0123456789abcdef0"))) with
        {
            Analysis = TestData.Analysis(),
        });

        var response = await host.Harness.GetRequestClient<SuggestRemediations>().GetResponse<RemediationSuggestions>(
            new SuggestRemediations { IncidentId = incident.Id, OccurredAt = host.Time.GetUtcNow(), RequestedBy = "mcp-client" });

        var suggestions = response.Message;
        suggestions.Found.ShouldBeTrue();
        var suggestion = suggestions.Suggestions.ShouldHaveSingleItem();
        suggestion.ActionId.ShouldBe(CatalogActions.Ec2RebootInstances);
        suggestion.Risk.ShouldBe(RiskLevel.High);
        suggestion.ApprovalMode.ShouldBe(ApprovalMode.Manual);
        suggestion.AllowedRoles.ShouldBe(["sre"]);
        suggestion.Parameters["instanceIds"].ShouldBe("i-0123456789abcdef0");
        (await host.RemediationsAsync(incident.Id)).ShouldBeEmpty();

        var unknown = await host.Harness.GetRequestClient<SuggestRemediations>().GetResponse<RemediationSuggestions>(
            new SuggestRemediations { IncidentId = "inc-unknown", OccurredAt = host.Time.GetUtcNow(), RequestedBy = "mcp-client" });
        unknown.Message.Found.ShouldBeFalse();
    }

    private Task<RemediationHost> StartAsync(Dictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?> { ["Remediation:Aws:Endpoints:ecs"] = Server.BaseAddress.ToString() };
        foreach (var (key, value) in configuration ?? [])
        {
            settings[key] = value;
        }

        return RemediationHost.StartAsync(Policy, settings);
    }
}
