using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Remediation.Tests.Executors.Aws;

/// <summary>
/// The EC2 and SSM actions go through the AWS SDK's clients; what a dry run records is the SDK's marshalled request,
/// and it is what a real run puts on the wire (URL, headers, body), with nothing secret in it.
/// </summary>
public sealed class AwsSdkRecordTests : FakeServerTest
{
    [Fact]
    public async Task RebootDryRun_RecordsWhatARealRunSends()
    {
        Server.On(_ => true, 200,
            "<RebootInstancesResponse><requestId>r-1</requestId><return>true</return></RebootInstancesResponse>", "text/xml");
        var parameters = new Dictionary<string, string> { ["instanceIds"] = "i-0123456789abcdef0,i-0123456789abcdef1" };
        var executor = new Ec2RebootInstancesExecutor(TestExecutors.AwsSdk(Server));

        ActionRun Run(bool dryRun) => TestExecutors.Run(CatalogActions.Ec2RebootInstances, parameters, dryRun, ("maxInstances", ["2"]));

        var dry = await executor.ExecuteAsync(Run(dryRun: true), CancellationToken.None);
        Server.Requests.ShouldBeEmpty();
        var real = await executor.ExecuteAsync(Run(dryRun: false), CancellationToken.None);

        dry.Success.ShouldBeTrue();
        dry.Request.ShouldBe(
            $"POST {Server.BaseAddress}\n" +
            "Content-Type: application/x-www-form-urlencoded; charset=utf-8\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=<redacted>/eu-west-1/ec2/aws4_request (signed when sent)\n\n" +
            "Action=RebootInstances&InstanceId.1=i-0123456789abcdef0&InstanceId.2=i-0123456789abcdef1&Version=2016-11-15");
        real.Request.ShouldBe(dry.Request);
        ShouldBeSent(dry.Request!, Server.Requests.ShouldHaveSingleItem());
    }

    [Fact]
    public async Task SendCommandDryRun_RecordsWhatARealRunSends()
    {
        Server.On(_ => true, 200, """{"Command":{"CommandId":"c-1","Status":"Pending"}}""", "application/x-amz-json-1.1");
        var parameters = new Dictionary<string, string>
        {
            ["document"] = "AWS-RunShellScript", ["targets"] = """[{"Key":"tag:Role","Values":["web"]}]""",
            ["parameters"] = """{"commands":"df -h /"}""", ["timeoutSeconds"] = "120",
        };
        var executor = new SsmSendCommandExecutor(TestExecutors.AwsSdk(Server));
        ActionRun Run(bool dryRun) => TestExecutors.Run(CatalogActions.SsmSendCommand, parameters, dryRun, ("allowedDocuments", ["AWS-RunShellScript"]));

        var dry = await executor.ExecuteAsync(Run(dryRun: true), CancellationToken.None);
        Server.Requests.ShouldBeEmpty();
        var real = await executor.ExecuteAsync(Run(dryRun: false), CancellationToken.None);

        dry.Success.ShouldBeTrue();
        real.Output.ShouldBe("command c-1 status Pending");
        real.Request.ShouldBe(dry.Request);
        var wire = Server.Requests.ShouldHaveSingleItem();
        ShouldBeSent(dry.Request!, wire);
        wire.Header("X-Amz-Target").ShouldBe("AmazonSSM.SendCommand");
        var body = wire.Json();
        body.GetProperty("Targets")[0].GetProperty("Values")[0].GetString().ShouldBe("web");
        body.GetProperty("Parameters").GetProperty("commands")[0].GetString().ShouldBe("df -h /");
        body.GetProperty("TimeoutSeconds").GetInt32().ShouldBe(120);
        body.TryGetProperty("InstanceIds", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ConnectionRefused_IsSentAgainAndThenFailsNamingIt()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var options = Microsoft.Extensions.Options.Options.Create(new AwsOptions
        {
            Region = AwsKeys.Region, AccessKeyId = AwsKeys.AccessKeyId, SecretAccessKey = AwsKeys.SecretAccessKey,
            MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5),
            Endpoints = new(StringComparer.OrdinalIgnoreCase) { ["ec2"] = closed.ToString() },
        });
        var run = TestExecutors.Run(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = "i-0123456789abcdef0" });

        var outcome = await new Ec2RebootInstancesExecutor(TestExecutors.AwsSdk(options)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldStartWith("RebootInstances failed: NetworkError (0): Connection refused");
        outcome.Error.ShouldEndWith("after 3 attempts");
        outcome.Request!.ShouldStartWith($"POST {closed}\n");
    }

    // Every header the record names (but the placeholder for the signature) went out with that value, and the body as recorded.
    private static void ShouldBeSent(string record, RecordedRequest wire)
    {
        record.ShouldNotContain(AwsKeys.AccessKeyId);
        record.ShouldNotContain(AwsKeys.SecretAccessKey);
        var (head, body) = (record[..record.IndexOf("\n\n", StringComparison.Ordinal)], record[(record.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
        wire.BodyText.ShouldBe(body);
        wire.ShouldBeSignedFor(head.Contains("/ec2/", StringComparison.Ordinal) ? "ec2" : "ssm");
        foreach (var line in head.Split('\n').Skip(1).Where(l => !l.StartsWith("Authorization:", StringComparison.Ordinal)))
        {
            var (name, value) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 2)..]);
            wire.Header(name).ShouldBe(value, $"header {name}");
        }
    }
}
