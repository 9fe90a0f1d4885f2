using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Remediation.Tests.Policies;

public sealed class PolicyLoaderTests
{
    private const string Valid = """
        version: 1
        bounds:
          aws.ec2.reboot-instances:
            maxInstances: 2
        rules:
          - name: reboot
            match:
              services: [checkout]
              severity: high
              categories: [resource-saturation]
            actions:
              - action: aws.ec2.reboot-instances
                parameters:
                  instanceIds: "{{labels.instance_id}}"
            approval:
              mode: manual
              approvers: 2
              roles: [sre]
              expiresAfter: 30m
            risk: high
            cooldown: 1h
            maxRunsPerHour: 3
            windows:
              timeZone: Europe/Berlin
              allowed:
                - days: [weekdays]
                  hours: "08:00-18:00"
            dryRun: true
            verify:
              after: 10m
        """;

    [Fact]
    public void Load_SamplePolicy_HasTheScenarioRules()
    {
        var policy = PolicyLoader.Load(PolicySource.Read(Infrastructure.Policies.SamplePath));

        policy.Rules.Select(r => r.Name).ShouldBe(
        [
            "ec2-cpu-spike-reboot", "ecs-crash-loop-redeploy", "disk-80-percent-cleanup", "disk-80-percent-cleanup-from-alert-text",
            "traffic-surge-scale-out",
        ]);
        policy.Rule("ec2-cpu-spike-reboot")!.Approval.Mode.ShouldBe(ApprovalMode.Manual);
        policy.Rule("ecs-crash-loop-redeploy")!.Approval.Mode.ShouldBe(ApprovalMode.Auto);
        policy.Rule("ecs-crash-loop-redeploy")!.Cooldown.ShouldBe(TimeSpan.FromMinutes(30));
        policy.Rule("disk-80-percent-cleanup")!.Actions.Single().ActionId.ShouldBe(CatalogActions.SsmSendCommand);
        policy.Rule("disk-80-percent-cleanup-from-alert-text")!.Match.DerivedPatterns.Keys.ShouldBe(["instance_id", "disk_used_percent"], ignoreOrder: true);
        policy.Rule("traffic-surge-scale-out")!.Actions.Single().ActionId.ShouldBe(CatalogActions.AutoScalingSetDesiredCapacity);
        policy.BoundsFor(CatalogActions.AutoScalingSetDesiredCapacity).Number("maxStep", 0).ShouldBe(4);
        policy.Version.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Load_EverySetting_IsRead()
    {
        var rule = Infrastructure.Policies.Load(Valid).Rules.Single();

        rule.Match.Services.ShouldBe(["checkout"]);
        rule.Match.MinSeverity.ShouldBe(Severity.High);
        rule.Approval.ShouldBe(new ApprovalSettings(ApprovalMode.Manual, 2, ["sre"], TimeSpan.FromMinutes(30)), new ApprovalComparer());
        rule.Risk.ShouldBe(RiskLevel.High);
        rule.Cooldown.ShouldBe(TimeSpan.FromHours(1));
        rule.MaxRunsPerHour.ShouldBe(3);
        rule.Windows!.Zone.Id.ShouldBe("Europe/Berlin");
        rule.DryRun.ShouldBeTrue();
        rule.VerifyAfter.ShouldBe(TimeSpan.FromMinutes(10));
        rule.Line.ShouldBe(6);
    }

    [Fact]
    public void Version_SameContentOtherLayoutAndComments_IsTheSame()
    {
        var reformatted = "# a comment\n" + Valid.Replace("maxInstances: 2", "maxInstances:    2   # two at most")
            .Replace("services: [checkout]", "services:\n          - checkout");

        Infrastructure.Policies.Load(reformatted).Version.ShouldBe(Infrastructure.Policies.Load(Valid).Version);
    }

    [Fact]
    public void Version_ChangedValue_Differs()
    {
        Infrastructure.Policies.Load(Valid.Replace("maxInstances: 2", "maxInstances: 1")).Version
            .ShouldNotBe(Infrastructure.Policies.Load(Valid).Version);
    }

    [Theory]
    [InlineData("action: aws.ec2.reboot-instances", "action: aws.ec2.terminate-instances", 12, "unknown catalog action 'aws.ec2.terminate-instances'")]
    [InlineData("categories: [resource-saturation]", "categories: [cpu]", 10, "unknown category 'cpu'")]
    [InlineData("cooldown: 1h", "cooldown: soon", 21, "cooldown must be a duration")]
    [InlineData("severity: high", "severity: urgent", 9, "'urgent' is not one of: info, low, medium, high, critical")]
    [InlineData("hours: \"08:00-18:00\"", "hours: \"8 to 6\"", 27, "hours '8 to 6' must look like 08:00-18:00")]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Mars/Olympus", 24, "unknown time zone 'Mars/Olympus'")]
    [InlineData("dryRun: true", "dryrun: true", 28, "unknown key 'dryrun'")]
    [InlineData("instanceIds: \"{{labels.instance_id}}\"", "instanceIds: {{labels.instance_id}}", 14, "quote templates")]
    [InlineData("instanceIds: \"{{labels.instance_id}}\"", "instanceIds: \"{{labels.instance_id\"", 14, "is never closed")]
    [InlineData("instanceIds: \"{{labels.instance_id}}\"", "instanceIds: \"{{secrets.key}}\"", 14, "'{{secrets.key}}' names no known value")]
    [InlineData("instanceIds: \"{{labels.instance_id}}\"", "instances: \"{{labels.instance_id}}\"", 14, "unknown key 'instances'")]
    public void Load_InvalidSetting_IsRejectedWithFileLineAndReason(string replace, string with, int line, string message)
    {
        var errors = Infrastructure.Policies.Errors(Valid.Replace(replace, with));

        var error = errors.First();
        errors.Skip(1).ShouldAllBe(e => e.Message.Contains("needs parameter 'instanceIds'"), "only a renamed parameter is also missing");
        error.File.ShouldBe("policy.yaml");
        error.Line.ShouldBe(line);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Load_BrokenYaml_ReportsTheLine()
    {
        var error = Infrastructure.Policies.Errors("rules:\n  - name: x\n    match: [unclosed\n").ShouldHaveSingleItem();

        error.Message.ShouldStartWith("not valid YAML");
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void Load_HighRiskAutoApproval_IsRejected()
    {
        var errors = Infrastructure.Policies.Errors(Valid.Replace("""
                approval:
                  mode: manual
                  approvers: 2
                  roles: [sre]
                  expiresAfter: 30m
            """, "    approval: auto\n"));

        errors.ShouldHaveSingleItem().Message.ShouldContain("high-risk actions need manual approval");
    }

    [Fact]
    public void Load_StaticParametersOutsideBounds_AreRejectedAtLoad()
    {
        var errors = Infrastructure.Policies.Errors("""
            rules:
              - name: cleanup
                match: {}
                approval: auto
                actions:
                  - action: aws.ssm.send-command
                    parameters:
                      document: AWS-DeleteEverything
                      instanceIds: i-0123456789abcdef0
            """);

        var error = errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(6);
        error.Message.ShouldContain("no bounds.aws.ssm.send-command.allowedDocuments");
    }

    [Fact]
    public void Load_DerivedMatchAndTemplate_AreReadAndCheckedLikeLabels()
    {
        var errors = Infrastructure.Policies.Errors("""
            rules:
              - name: text
                match:
                  derived: {queue: orders-intake}
                  derivedPatterns: {instance_id: "^i-(["}
                actions:
                  - action: aws.ec2.reboot-instances
                    parameters:
                      instanceIds: "{{derived.instance_id}}"
                approval: {mode: manual, roles: [sre]}
            """);
        var rule = Infrastructure.Policies.Load("""
            rules:
              - name: text
                match:
                  derived: {queue: orders-intake}
                  derivedPatterns: {instance_id: "^i-"}
                actions:
                  - action: aws.ec2.reboot-instances
                    parameters:
                      instanceIds: "{{derived.instance_id}}"
                approval: {mode: manual, roles: [sre]}
            """).Rules.Single();

        errors.Select(e => e.Message).ShouldHaveSingleItem().ShouldContain("rule 'text' match.derivedPatterns: the pattern for 'instance_id' is not a valid regular expression");
        rule.Match.Derived.ShouldBe(new Dictionary<string, string> { ["queue"] = "orders-intake" });
        rule.Match.DerivedPatterns.Keys.ShouldBe(["instance_id"]);
        rule.Match.LabelPatterns.ShouldBeEmpty();
    }

    [Fact]
    public void Load_ManualApprovalWithoutRoles_IsAnErrorNamingTheRule()
    {
        var errors = Infrastructure.Policies.Errors("""
            rules:
              - name: anyone-may-approve
                match: {}
                actions:
                  - action: pagerduty.note
                    parameters: {incident: PABC123, content: hi}
                approval: {mode: manual, approvers: 1}
              - name: approval-left-out
                match: {}
                actions:
                  - action: pagerduty.note
                    parameters: {incident: PABC123, content: hi}
            """);

        errors.Select(e => e.Message).ShouldBe([
            "rule 'anyone-may-approve': manual approval needs the roles that may approve (approval: {mode: manual, roles: [sre]})",
            "rule 'approval-left-out': manual approval needs the roles that may approve (approval: {mode: manual, roles: [sre]})",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Load_RuleWithoutActionsOrRequiredParameters_ReportsEach()
    {
        var errors = Infrastructure.Policies.Errors("""
            rules:
              - name: one
                match: {}
                approval: auto
              - name: two
                match: {}
                actions:
                  - action: aws.ecs.force-new-deployment
                    parameters:
                      cluster: prod
                approval: auto
            """);

        errors.Select(e => e.Message).ShouldBe(["rule 'one' needs actions",
            "rule 'two': aws.ecs.force-new-deployment needs parameter 'service' (ECS service name or ARN)"], ignoreOrder: true);
    }

    [Fact]
    public void Load_Directory_CombinesFilesInNameOrderAndRejectsDuplicates()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("b.yaml"), "rules:\n  - name: second\n    match: {}\n    approval: auto\n    actions:\n      - action: pagerduty.note\n        parameters: {incident: PABC123, content: hi}\n");
        File.WriteAllText(directory.File("a.yml"), "rules:\n  - name: first\n    match: {}\n    approval: auto\n    actions:\n      - action: pagerduty.resolve\n        parameters: {incident: PABC123}\n");
        File.WriteAllText(directory.File("notes.txt"), "not a policy");

        PolicyLoader.Load(PolicySource.Read(directory.Path)).Rules.Select(r => r.Name).ShouldBe(["first", "second"]);

        File.WriteAllText(directory.File("c.yaml"), "rules:\n  - name: first\n    match: {}\n    approval: auto\n    actions:\n      - action: pagerduty.resolve\n        parameters: {incident: PABC124}\n");
        var duplicate = Should.Throw<PolicyLoadException>(() => PolicyLoader.Load(PolicySource.Read(directory.Path))).Errors.ShouldHaveSingleItem();
        duplicate.ToString().ShouldBe("c.yaml:2:1: rule name 'first' is used more than once");
    }

    [Fact]
    public void Read_MissingPath_IsRejected()
    {
        var error = Should.Throw<PolicyLoadException>(() => PolicySource.Read("/nonexistent/policy.yaml")).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("/nonexistent/policy.yaml: no such file or directory");
    }

    private sealed class ApprovalComparer : IEqualityComparer<ApprovalSettings>
    {
        public bool Equals(ApprovalSettings? x, ApprovalSettings? y) =>
            x!.Mode == y!.Mode && x.Approvers == y.Approvers && x.Roles.SequenceEqual(y.Roles) && x.ExpiresAfter == y.ExpiresAfter;

        public int GetHashCode(ApprovalSettings obj) => obj.Approvers;
    }
}
