using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Remediation.Tests.Executors.Aws;

/// <summary>AWS error answers: throttling is sent again, access denied and server errors on writes are not.</summary>
public sealed class AwsErrorHandlingTests : FakeServerTest
{
    [Fact]
    public async Task Throttled_IsSentAgainUntilItSucceeds()
    {
        var calls = 0;
        Server.On(_ => true, async (_, response) =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                response.StatusCode = 400;
                response.ContentType = "application/x-amz-json-1.1";
                await response.WriteAsync("""{"__type":"com.amazonaws.ssm#ThrottlingException","message":"Rate exceeded"}""");
                return;
            }

            response.ContentType = "application/x-amz-json-1.1";
            await response.WriteAsync("""{"Command":{"CommandId":"c-9","Status":"Pending"}}""");
        });
        var run = TestExecutors.Run(CatalogActions.SsmSendCommand, new() { ["document"] = "AWS-RunShellScript", ["instanceIds"] = "i-0123456789abcdef0" },
            bounds: [("allowedDocuments", ["AWS-RunShellScript"])]);

        var outcome = await new SsmSendCommandExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        Server.Requests.Count.ShouldBe(3);
        Server.Requests.Select(r => r.BodyText).Distinct().ShouldHaveSingleItem();
        foreach (var request in Server.Requests)
        {
            request.ShouldBeSignedFor("ssm");
        }
    }

    [Fact]
    public async Task ThrottledBeyondTheRetries_FailsNamingTheCode()
    {
        Server.On(_ => true, 429, """{"Type":"User","message":"Rate Exceeded."}""", "application/json",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.awslambda/" });
        var run = TestExecutors.Run(CatalogActions.LambdaInvoke, new() { ["function"] = "cache-flush" }, bounds: [("allowedFunctions", ["cache-flush"])]);

        var outcome = await new LambdaInvokeExecutor(TestExecutors.Aws(Server, maxRetries: 2)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("Invoke failed: TooManyRequestsException (429): Rate Exceeded. after 3 attempts");
        Server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task AccessDenied_FailsAtOnceWithoutRetry()
    {
        Server.On(_ => true, 400,
            """{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/ops is not authorized to perform: ecs:UpdateService"}""",
            "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" });

        var outcome = await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldStartWith("UpdateService failed: AccessDeniedException (400): User: arn:aws:iam::123456789012:user/ops is not authorized");
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ServerErrorOnAWrite_IsNotSentAgain()
    {
        Server.On(_ => true, 500, """{"__type":"InternalServerError","message":"oops"}""", "application/x-amz-json-1.1");
        var run = TestExecutors.Run(CatalogActions.EcsForceNewDeployment, new() { ["cluster"] = "prod", ["service"] = "checkout" });

        var outcome = await new EcsForceNewDeploymentExecutor(TestExecutors.Aws(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Error.ShouldBe("UpdateService failed: InternalServerError (500): oops");
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task NoRegion_DryRunStillRecordsAndARealRunSaysWhatToSet()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new AwsOptions
        {
            AccessKeyId = AwsKeys.AccessKeyId, SecretAccessKey = AwsKeys.SecretAccessKey,
        });
        var client = new AwsClient(new HttpClient(), options, new AwsCredentialSource(options),
            new AwsRetries(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AwsRetries>.Instance));
        var executor = new EcsForceNewDeploymentExecutor(client);
        var parameters = new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "checkout" };
        var saved = (Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
        ActionOutcome dry, real;
        try
        {
            dry = await executor.ExecuteAsync(TestExecutors.Run(CatalogActions.EcsForceNewDeployment, parameters, dryRun: true), CancellationToken.None);
            real = await executor.ExecuteAsync(TestExecutors.Run(CatalogActions.EcsForceNewDeployment, parameters), CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_REGION", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", saved.Item2);
        }

        dry.Success.ShouldBeTrue();
        dry.Request!.ShouldStartWith("POST https://ecs.region-not-configured.amazonaws.com/\n");
        real.Success.ShouldBeFalse();
        real.Error.ShouldBe("ResolveRegion failed: NoRegion (0): no AWS region: set Remediation:Aws:Region or the AWS_REGION environment variable");
    }
}
