using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Catalog.Schemas;

namespace IncidentPlatform.Remediation.Tests.Catalog;

public sealed class ActionSchemaTests
{
    [Fact]
    public void ById_CoversTheWholeCatalog()
    {
        ActionSchemas.ById.Keys.ShouldBe(CatalogActions.All, ignoreOrder: true);
    }

    [Theory]
    [InlineData("i-0123456789abcdef0", 1, true)]
    [InlineData("i-0123456789abcdef0,i-0123456789abcdef1", 1, false)]
    [InlineData("i-0123456789abcdef0, i-0123456789abcdef1", 2, true)]
    [InlineData("i-0123456789abcdef0;reboot-all", 5, false)]
    [InlineData("host-1", 5, false)]
    public void Reboot_InstanceIdsAndMaxInstances(string ids, int maxInstances, bool ok)
    {
        var check = Check(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = ids }, ("maxInstances", [$"{maxInstances}"]));

        check.Ok.ShouldBe(ok, string.Join("; ", check.Errors));
    }

    [Fact]
    public void Reboot_NormalizesTheListAndTargetsTheSortedIds()
    {
        var check = Check(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = " i-0bbbbbbbbbbbbbbbb , i-0aaaaaaaaaaaaaaaa,i-0bbbbbbbbbbbbbbbb " },
            ("maxInstances", ["2"]));

        check.Parameters["instanceIds"].ShouldBe("i-0bbbbbbbbbbbbbbbb,i-0aaaaaaaaaaaaaaaa");
        check.Target.ShouldBe("i-0aaaaaaaaaaaaaaaa,i-0bbbbbbbbbbbbbbbb");
    }

    [Theory]
    [InlineData("6", true, null)]
    [InlineData("2", true, null)]
    [InlineData("1", false, "outside the bounds 2..10")]
    [InlineData("11", false, "outside the bounds 2..10")]
    [InlineData("six", false, "not a whole number")]
    public void SetDesiredCapacity_WithinMinAndMax(string desired, bool ok, string? error)
    {
        var check = Check(CatalogActions.AutoScalingSetDesiredCapacity, new() { ["group"] = "web", ["desired"] = desired },
            ("min", ["2"]), ("max", ["10"]), ("maxStep", ["3"]));

        check.Ok.ShouldBe(ok);
        if (error is not null)
        {
            check.Errors.ShouldHaveSingleItem().ShouldContain(error);
        }
    }

    [Fact]
    public void SetDesiredCapacity_WithoutMaxOrMaxStep_IsRefused()
    {
        Check(CatalogActions.AutoScalingSetDesiredCapacity, new() { ["group"] = "web", ["desired"] = "4" }, ("max", ["10"]))
            .Errors.ShouldHaveSingleItem().ShouldContain("must set bounds.aws.autoscaling.set-desired-capacity.max and maxStep");
    }

    [Theory]
    [InlineData(5, 8, null)]
    [InlineData(5, 2, null)]
    [InlineData(5, 9, "step of 4, bounds allow at most 3")]
    [InlineData(5, 1, "step of 4, bounds allow at most 3")]
    public void SetDesiredCapacity_StepFromTheCurrentCapacity(long current, long desired, string? error)
    {
        var bounds = new ActionBounds(new Dictionary<string, IReadOnlyList<string>> { ["maxStep"] = ["3"] });

        var refusal = new AutoScalingSetDesiredCapacitySchema().CheckStep(current, desired, bounds);

        if (error is null)
        {
            refusal.ShouldBeNull();
        }
        else
        {
            refusal.ShouldNotBeNull().ShouldContain(error);
        }
    }

    [Theory]
    [InlineData("https://hooks.example.com/ops/restart", true)]
    [InlineData("https://hooks.example.com/ops/restart?x=1", true)]
    [InlineData("https://hooks.example.com/opsx", false)]
    [InlineData("https://hooks.example.com/other", false)]
    [InlineData("http://hooks.example.com/ops/restart", false)]
    [InlineData("https://hooks.example.com:8443/ops/restart", false)]
    [InlineData("https://hooks.example.com.evil.test/ops/restart", false)]
    [InlineData("https://user:pass@hooks.example.com/ops/restart", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Webhook_UrlMustBeUnderAnAllowedPrefix(string url, bool ok)
    {
        var check = Check(CatalogActions.HttpWebhook, new() { ["url"] = url }, ("allowedUrls", ["https://hooks.example.com/ops/"]));

        check.Ok.ShouldBe(ok, string.Join("; ", check.Errors));
    }

    [Theory]
    [InlineData("https://hooks.example.com/ops", true)]
    [InlineData("https://hooks.example.com/ops/restart", true)]
    [InlineData("https://hooks.example.com/ops-admin", false)]
    [InlineData("https://hooks.example.com/opsx/restart", false)]
    [InlineData("https://hooks.example.com/ops/../admin", false)]
    public void Webhook_AllowedPrefixWithoutSlash_MatchesWholePathSegmentsOnly(string url, bool ok)
    {
        var check = Check(CatalogActions.HttpWebhook, new() { ["url"] = url }, ("allowedUrls", ["https://hooks.example.com/ops"]));

        check.Ok.ShouldBe(ok, string.Join("; ", check.Errors));
    }

    [Fact]
    public void Lambda_OnlyAllowListedFunctions_AndPayloadMustBeJson()
    {
        var allowed = ("allowedFunctions", new[] { "cache-flush" });

        Check(CatalogActions.LambdaInvoke, new() { ["function"] = "cache-flush", ["payload"] = "{\"a\":1}" }, allowed).Ok.ShouldBeTrue();
        Check(CatalogActions.LambdaInvoke, new() { ["function"] = "delete-db" }, allowed).Errors.ShouldHaveSingleItem()
            .ShouldContain("'delete-db' is not in bounds.aws.lambda.invoke.allowedFunctions");
        Check(CatalogActions.LambdaInvoke, new() { ["function"] = "cache-flush", ["payload"] = "{not json" }, allowed)
            .Errors.ShouldHaveSingleItem().ShouldContain("is not valid JSON");
        Check(CatalogActions.LambdaInvoke, new() { ["function"] = "cache-flush" }).Errors.ShouldHaveSingleItem()
            .ShouldContain("the policy sets no bounds.aws.lambda.invoke.allowedFunctions");
    }

    [Theory]
    [InlineData("""[{"Key":"tag:Role","Values":["web"]}]""", true)]
    [InlineData("""{"Key":"tag:Role","Values":["web"]}""", false)]
    [InlineData("""[{"Key":"tag:Role","Values":[]}]""", false)]
    [InlineData("""[{"Key":"tag:Role","Values":["web"],"Extra":1}]""", false)]
    public void SendCommand_TargetsShape(string targets, bool ok)
    {
        var check = Check(CatalogActions.SsmSendCommand, new() { ["document"] = "AWS-RunShellScript", ["targets"] = targets },
            ("allowedDocuments", ["AWS-RunShellScript"]));

        check.Ok.ShouldBe(ok, string.Join("; ", check.Errors));
    }

    [Fact]
    public void SendCommand_NeedsExactlyOneOfInstanceIdsAndTargets()
    {
        Check(CatalogActions.SsmSendCommand, new() { ["document"] = "AWS-RunShellScript" }, ("allowedDocuments", ["AWS-RunShellScript"]))
            .Errors.ShouldHaveSingleItem().ShouldContain("exactly one of 'instanceIds' and 'targets'");
    }

    [Fact]
    public void Check_UnknownParameter_IsRefused()
    {
        Check(CatalogActions.PagerDutyResolve, new() { ["incident"] = "PABC123", ["command"] = "x" })
            .Errors.ShouldHaveSingleItem().ShouldBe("pagerduty.resolve has no parameter 'command' (it takes incident, resolution)");
    }

    [Fact]
    public void Check_ControlCharacters_AreRefused()
    {
        Check(CatalogActions.PagerDutyNote, new() { ["incident"] = "PABC123", ["content"] = "ok\u001b[2J" }).Ok.ShouldBeFalse();
    }

    private static ActionCheck Check(
        string actionId, Dictionary<string, string> parameters, params (string Name, string[] Values)[] bounds) =>
        ActionSchemas.ById[actionId].Check(parameters,
            new ActionBounds(bounds.ToDictionary(b => b.Name, b => (IReadOnlyList<string>)b.Values)));
}
