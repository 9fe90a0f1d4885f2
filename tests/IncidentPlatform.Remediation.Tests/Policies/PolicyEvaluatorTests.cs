using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Tests.Infrastructure;

namespace IncidentPlatform.Remediation.Tests.Policies;

public sealed class PolicyEvaluatorTests
{
    private const string Policy = """
        bounds:
          aws.ec2.reboot-instances:
            maxInstances: 1
          aws.autoscaling.set-desired-capacity:
            min: 2
            max: 10
            maxStep: 3
        rules:
          - name: reboot
            match:
              services: [checkout]
              severity: high
              categories: [resource-saturation]
              sources: [cloudwatch]
              labels: {env: prod}
              labelPatterns: {instance_id: "^i-"}
            actions:
              - action: aws.ec2.reboot-instances
                parameters:
                  instanceIds: "{{labels.instance_id}}"
            approval: {mode: manual, roles: [sre]}
        """;

    private static readonly Dictionary<string, string> ProdLabels = TestData.Labels(("env", "prod"), ("instance_id", "i-0123456789abcdef0"));

    public static TheoryData<string, Incident> NotMatching => new()
    {
        { "other service", TestData.Incident(service: "search", labels: ProdLabels) },
        { "no service", TestData.Incident(service: null, labels: ProdLabels) },
        { "lower severity", TestData.Incident(severity: Severity.Medium, labels: ProdLabels) },
        { "other source", TestData.Incident(source: "alertmanager", labels: ProdLabels) },
        { "other label value", TestData.Incident(labels: TestData.Labels(("env", "staging"), ("instance_id", "i-0123456789abcdef0"))) },
        { "label missing", TestData.Incident(labels: TestData.Labels(("instance_id", "i-0123456789abcdef0"))) },
        { "pattern fails", TestData.Incident(labels: TestData.Labels(("env", "prod"), ("instance_id", "host-1"))) },
    };

    [Fact]
    public void Evaluate_EveryConditionHolds_ProposesTheActionWithFilledParameters()
    {
        var evaluation = Evaluate(Policy, TestData.Incident(labels: ProdLabels), TestData.Analysis(severity: Severity.Medium));

        var candidate = evaluation.Candidates.ShouldHaveSingleItem();
        candidate.Rule.Name.ShouldBe("reboot");
        candidate.ActionId.ShouldBe(CatalogActions.Ec2RebootInstances);
        candidate.Parameters.ShouldBe(new Dictionary<string, string> { ["instanceIds"] = "i-0123456789abcdef0" });
        candidate.Target.ShouldBe("i-0123456789abcdef0");
        evaluation.Notes.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(NotMatching))]
    public void Evaluate_OneConditionFails_ProposesNothing(string why, Incident incident)
    {
        Evaluate(Policy, incident, TestData.Analysis(severity: Severity.Medium)).Candidates.ShouldBeEmpty(why);
    }

    [Fact]
    public void Evaluate_OtherCategory_ProposesNothing()
    {
        Evaluate(Policy, TestData.Incident(labels: ProdLabels), TestData.Analysis(AnalysisCategories.DiskFull)).Candidates.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AnalysisSeverityHigherThanIncident_Matches()
    {
        var incident = TestData.Incident(severity: Severity.Low, labels: ProdLabels);

        Evaluate(Policy, incident, TestData.Analysis(severity: Severity.Critical)).Candidates.Count.ShouldBe(1);
    }

    [Fact]
    public void Evaluate_TemplateNamesMissingValue_RuleDoesNotApplyWithNote()
    {
        var policy = Policy.Replace("labelPatterns: {instance_id: \"^i-\"}", "labelPatterns: {}");

        var evaluation = Evaluate(policy, TestData.Incident(labels: TestData.Labels(("env", "prod"))), TestData.Analysis());

        evaluation.Candidates.ShouldBeEmpty();
        evaluation.Notes.ShouldBe(["rule 'reboot': aws.ec2.reboot-instances does not apply: {{labels.instance_id}} has no value for this incident"]);
    }

    [Fact]
    public void Evaluate_TemplateValueOutsideSchemaOrBounds_RuleDoesNotApplyWithNote()
    {
        var injected = TestData.Labels(("env", "prod"), ("instance_id", "i-0123456789abcdef0,i-0123456789abcdef1"));

        var evaluation = Evaluate(Policy, TestData.Incident(labels: injected), TestData.Analysis());

        evaluation.Candidates.ShouldBeEmpty();
        evaluation.Notes.ShouldHaveSingleItem().ShouldContain("2 instances, bounds allow at most 1");
    }

    [Fact]
    public void Evaluate_RecommendedActions_RankAndFillButNeverAdd()
    {
        var policy = """
            bounds:
              aws.autoscaling.set-desired-capacity: {min: 2, max: 10, maxStep: 3}
            rules:
              - name: surge
                match: {categories: [traffic-surge]}
                approval: {mode: manual, roles: [sre]}
                actions:
                  - action: aws.ecs.force-new-deployment
                    parameters: {cluster: prod, service: "{{service}}"}
                  - action: aws.autoscaling.set-desired-capacity
                    parameters: {group: web, desired: "{{recommended.desired}}"}
            """;
        RecommendedAction[] recommended =
        [
            new() { ActionId = CatalogActions.AutoScalingSetDesiredCapacity, Parameters = new Dictionary<string, string> { ["desired"] = "6" }, Rationale = "load doubled" },
            new() { ActionId = CatalogActions.Ec2RebootInstances, Parameters = new Dictionary<string, string> { ["instanceIds"] = "i-0123456789abcdef0" } },
            new() { ActionId = "shell.exec", Parameters = new Dictionary<string, string> { ["command"] = "rm -rf /" } },
        ];

        var evaluation = Evaluate(policy, TestData.Incident(), TestData.Analysis(AnalysisCategories.TrafficSurge, recommended: recommended));

        evaluation.Candidates.Select(c => c.ActionId).ShouldBe([CatalogActions.AutoScalingSetDesiredCapacity, CatalogActions.EcsForceNewDeployment]);
        evaluation.Candidates[0].Parameters["desired"].ShouldBe("6");
        evaluation.Candidates[0].Recommendation!.Rationale.ShouldBe("load doubled");
        evaluation.Notes.ShouldBe([
            "the analysis recommended aws.ec2.reboot-instances, which no matching rule allows: ignored",
            "the analysis recommended shell.exec, which no matching rule allows: ignored",
        ]);
    }

    [Fact]
    public void Evaluate_RecommendedValueOutsideBounds_IsRefused()
    {
        var policy = """
            bounds:
              aws.autoscaling.set-desired-capacity: {min: 2, max: 10, maxStep: 3}
            rules:
              - name: surge
                match: {}
                approval: {mode: manual, roles: [sre]}
                actions:
                  - action: aws.autoscaling.set-desired-capacity
                    parameters: {group: web, desired: "{{recommended.desired}}"}
            """;
        RecommendedAction[] recommended =
            [new() { ActionId = CatalogActions.AutoScalingSetDesiredCapacity, Parameters = new Dictionary<string, string> { ["desired"] = "500" } }];

        var evaluation = Evaluate(policy, TestData.Incident(), TestData.Analysis(recommended: recommended));

        evaluation.Candidates.ShouldBeEmpty();
        evaluation.Notes.ShouldHaveSingleItem().ShouldContain("desired capacity 500 is outside the bounds 2..10");
    }

    [Fact]
    public void Evaluate_PickOne_TakesTheBestRankedAction()
    {
        var policy = """
            rules:
              - name: either
                match: {}
                pick: one
                approval: auto
                actions:
                  - action: pagerduty.note
                    parameters: {incident: PABC123, content: "looking into {{incident.id}}"}
                  - action: pagerduty.resolve
                    parameters: {incident: PABC123}
            """;
        var incident = TestData.Incident();

        Evaluate(policy, incident, TestData.Analysis()).Candidates.ShouldHaveSingleItem().ActionId.ShouldBe(CatalogActions.PagerDutyNote);
        Evaluate(policy, incident, TestData.Analysis(recommended: [new() { ActionId = CatalogActions.PagerDutyResolve }]))
            .Candidates.ShouldHaveSingleItem().ActionId.ShouldBe(CatalogActions.PagerDutyResolve);
        Evaluate(policy, incident, TestData.Analysis()).Candidates[0].Parameters["content"].ShouldBe($"looking into {incident.Id}");
    }

    [Fact]
    public void Evaluate_StructuredParameter_KeepsLabelValuesInsideJsonStrings()
    {
        var policy = """
            bounds:
              http.webhook: {allowedUrls: ["https://hooks.example.com/ops/"]}
            rules:
              - name: hook
                match: {}
                approval: auto
                actions:
                  - action: http.webhook
                    parameters:
                      url: https://hooks.example.com/ops/restart
                      body:
                        service: "{{service}}"
                        replicas: 3
                        quoted: "3"
                        tags: [a, "{{labels.team}}"]
            """;
        var incident = TestData.Incident(service: "pay\",\"admin\":true,\"x\":\"", labels: TestData.Labels(("team", "pay")));

        var body = Evaluate(policy, incident, TestData.Analysis()).Candidates.Single().Parameters["body"];

        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("service").GetString().ShouldBe(incident.Service);
        json.RootElement.TryGetProperty("admin", out _).ShouldBeFalse();
        json.RootElement.GetProperty("replicas").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("quoted").GetString().ShouldBe("3");
        json.RootElement.GetProperty("tags")[1].GetString().ShouldBe("pay");
    }

    private const string DerivedPolicy = """
        rules:
          - name: disk-from-text
            match:
              categories: [disk-full]
              derivedPatterns: {instance_id: "^i-[0-9a-f]{8,17}$", disk_used_percent: "^(8[0-9]|9[0-9]|100)"}
            actions:
              - action: aws.ec2.reboot-instances
                parameters:
                  instanceIds: "{{derived.instance_id}}"
            approval: {mode: manual, roles: [sre]}
        """;

    [Fact]
    public void Evaluate_DerivedValuesOfTheAnalysis_MatchAndFillTheRule()
    {
        var analysis = TestData.Analysis(AnalysisCategories.DiskFull) with
        {
            Derived = TestData.Labels(("instance_id", "i-0abc123def4567890"), ("disk_used_percent", "93")),
        };

        var candidate = Evaluate(DerivedPolicy, TestData.Incident(), analysis).Candidates.ShouldHaveSingleItem();

        candidate.Parameters.ShouldBe(new Dictionary<string, string> { ["instanceIds"] = "i-0abc123def4567890" });
    }

    [Fact]
    public void Evaluate_SenderLabelsNamedLikeDerivedValues_DoNotStandInForThem()
    {
        // A sender's labels are not what the analysis read: a rule on derived values ignores them.
        var incident = TestData.Incident(labels: TestData.Labels(("instance_id", "i-0abc123def4567890"), ("disk_used_percent", "93")));

        var evaluation = Evaluate(DerivedPolicy, incident, TestData.Analysis(AnalysisCategories.DiskFull));

        evaluation.Candidates.ShouldBeEmpty();
    }

    private static PolicyEvaluation Evaluate(string yaml, Incident incident, IncidentAnalysis analysis) =>
        PolicyEvaluator.Evaluate(Infrastructure.Policies.Load(yaml), incident, analysis);
}
