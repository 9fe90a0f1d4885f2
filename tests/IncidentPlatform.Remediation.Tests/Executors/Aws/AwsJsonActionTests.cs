using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Remediation.Tests.Executors.Aws;

/// <summary>SSM and ECS (AWS JSON 1.1) and Lambda (REST-JSON) against a fake that checks what AWS would check.</summary>
public sealed class AwsJsonActionTests : FakeServerTest
{
    [Fact]
    public async Task SendCommand_SignedJson11CallWithTheDocumentInstancesAndParameters()
    {
        Server.On(r => r.Header("X-Amz-Target") == "AmazonSSM.SendCommand", 200,
            """{"Command":{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","DocumentName":"AWS-RunShellScript","Status":"Pending"}}""",
            "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.SsmSendCommand, new()
        {
            ["document"] = "AWS-RunShellScript", ["instanceIds"] = "i-0123456789abcdef0,i-0123456789abcdef1",
            ["parameters"] = """{"commands":["df -h /","journalctl --vacuum-size=500M"],"workingDirectory":"/tmp"}""",
            ["comment"] = "disk clean-up",
        }, bounds: [("allowedDocuments", ["AWS-RunShellScript"])]);

        var outcome = await new SsmSendCommandExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("command ef7fdfd8-9b57-4151-a15c-db9a12345678 status Pending");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.Header("Content-Type").ShouldBe("application/x-amz-json-1.1");
        request.ShouldBeSignedFor("ssm");
        var body = request.Json();
        body.GetProperty("DocumentName").GetString().ShouldBe("AWS-RunShellScript");
        body.GetProperty("InstanceIds").EnumerateArray().Select(e => e.GetString()).ShouldBe(["i-0123456789abcdef0", "i-0123456789abcdef1"]);
        body.GetProperty("Parameters").GetProperty("commands").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["df -h /", "journalctl --vacuum-size=500M"]);
        body.GetProperty("Parameters").GetProperty("workingDirectory")[0].GetString().ShouldBe("/tmp");
        body.GetProperty("Comment").GetString().ShouldBe("disk clean-up");
        body.TryGetProperty("Targets", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task SendCommand_ByTags_SendsTargets()
    {
        Server.On(_ => true, 200, """{"Command":{"CommandId":"c-1","Status":"Pending"}}""", "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.SsmSendCommand, new()
        {
            ["document"] = "AWS-RunShellScript", ["targets"] = """[{"Key":"tag:Role","Values":["web"]}]""",
        }, bounds: [("allowedDocuments", ["AWS-RunShellScript"])]);

        (await new SsmSendCommandExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None)).Success.ShouldBeTrue();

        var targets = Server.Requests.Single().Json().GetProperty("Targets");
        targets[0].GetProperty("Key").GetString().ShouldBe("tag:Role");
        targets[0].GetProperty("Values")[0].GetString().ShouldBe("web");
    }

    [Fact]
    public async Task StartAutomation_SignedCallWithAStableClientToken()
    {
        Server.On(r => r.Header("X-Amz-Target") == "AmazonSSM.StartAutomationExecution", 200,
            """{"AutomationExecutionId":"4105a4fc-f944-11e6-9d32-0123456789ab"}""", "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.SsmStartAutomation, new()
        {
            ["document"] = "AWS-RestartEC2Instance", ["parameters"] = """{"InstanceId":"i-0123456789abcdef0"}""",
        }, bounds: [("allowedDocuments", ["AWS-RestartEC2Instance"])]);

        var outcome = await new SsmStartAutomationExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Output.ShouldBe("automation execution 4105a4fc-f944-11e6-9d32-0123456789ab");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ShouldBeSignedFor("ssm");
        var body = request.Json();
        body.GetProperty("DocumentName").GetString().ShouldBe("AWS-RestartEC2Instance");
        body.GetProperty("Parameters").GetProperty("InstanceId")[0].GetString().ShouldBe("i-0123456789abcdef0");
        var token = body.GetProperty("ClientToken").GetString();
        Guid.TryParse(token, out _).ShouldBeTrue();
        token.ShouldBe(SsmStartAutomationExecutor.ClientToken(run.Remediation.Id));
    }

    [Fact]
    public async Task ForceNewDeployment_UpdateServiceWithForceNewDeployment()
    {
        Server.On(r => r.Header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.UpdateService", 200,
            """{"service":{"serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/checkout","status":"ACTIVE","deployments":[]}}""",
            "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" });

        var outcome = await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output!.ShouldContain("service/prod/checkout status ACTIVE");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Header("Content-Type").ShouldBe("application/x-amz-json-1.1");
        request.ShouldBeSignedFor("ecs");
        request.BodyText.ShouldBe("""{"cluster":"prod","service":"checkout","forceNewDeployment":true}""");
    }

    [Fact]
    public async Task LambdaInvoke_RestJsonPathWithTheArnAndThePayload()
    {
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:function:cache-flush";
        Server.On(r => r.Path == $"/2015-03-31/functions/{arn}/invocations", 200, """{"flushed":42}""", "application/json",
            new Dictionary<string, string> { ["X-Amz-Executed-Version"] = "$LATEST" });
        var run = TestExecutors.Run(CatalogActions.LambdaInvoke, new() { ["function"] = arn, ["payload"] = """{"service":"checkout"}""" },
            bounds: [("allowedFunctions", [arn])]);

        var outcome = await new LambdaInvokeExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("""status 200, version $LATEST: {"flushed":42}""");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("X-Amz-Invocation-Type").ShouldBe("RequestResponse");
        request.ShouldBeSignedFor("lambda");
        request.BodyText.ShouldBe("""{"service":"checkout"}""");
    }

    [Fact]
    public async Task LambdaInvoke_FunctionError_IsAFailureWithItsOutput()
    {
        Server.On(_ => true, 200, """{"errorMessage":"boom","errorType":"Error"}""", "application/json",
            new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled" });
        var run = TestExecutors.Run(CatalogActions.LambdaInvoke, new() { ["function"] = "cache-flush" }, bounds: [("allowedFunctions", ["cache-flush"])]);

        var outcome = await new LambdaInvokeExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("the function failed (Unhandled)");
        outcome.Output!.ShouldContain("boom");
    }

    [Fact]
    public async Task DryRun_SendsNothingAndRecordsTheRequestWithoutSecrets()
    {
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" }, dryRun: true);

        var outcome = await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        Server.Requests.ShouldBeEmpty();
        outcome.Success.ShouldBeTrue();
        outcome.Request.ShouldBe(
            $"POST {Server.BaseAddress}\n" +
            "Content-Type: application/x-amz-json-1.1\n" +
            "X-Amz-Target: AmazonEC2ContainerServiceV20141113.UpdateService\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=<redacted>/eu-west-1/ecs/aws4_request (signed when sent)\n\n" +
            """{"cluster":"prod","service":"checkout","forceNewDeployment":true}""");
        outcome.Request!.ShouldNotContain(AwsKeys.SecretAccessKey);
        outcome.Request!.ShouldNotContain(AwsKeys.AccessKeyId);
    }

    [Fact]
    public async Task SessionCredentials_TokenIsSentAndSigned()
    {
        Server.On(_ => true, 200, """{"service":{"status":"ACTIVE"}}""", "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" });

        var outcome = await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server, sessionToken: "session-token-value"))
            .ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Request!.ShouldNotContain("session-token-value");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Header("X-Amz-Security-Token").ShouldBe("session-token-value");
        request.Header("Authorization")!.ShouldContain("x-amz-security-token");
        request.ShouldBeSignedFor("ecs");
    }

    [Fact]
    public async Task SignatureCheck_RequestChangedAfterSigning_DoesNotVerify()
    {
        Server.On(_ => true, 200, """{"service":{"status":"ACTIVE"}}""", "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" });
        await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);
        var signed = Server.Requests.Single();
        var body = System.Text.Encoding.UTF8.GetBytes("""{"cluster":"prod","service":"payments","forceNewDeployment":true}""");
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Content-Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)),
        };

        signed.ShouldBeSignedFor("ecs");
        Should.Throw<ShouldAssertException>(() => (signed with { Body = body, Headers = headers }).ShouldBeSignedFor("ecs"));
        Should.Throw<ShouldAssertException>(() => signed.ShouldBeSignedFor("ecs", "us-east-1"));
        Should.Throw<ShouldAssertException>(() => (signed with { Path = "/other" }).ShouldBeSignedFor("ecs"));
    }
}
