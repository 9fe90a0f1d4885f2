using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Remediation.Tests.Executors.Aws;

/// <summary>Auto Scaling and EC2 (AWS Query protocol: form-encoded requests, XML answers and errors).</summary>
public sealed class AwsQueryActionTests : FakeServerTest
{
    private const string Form = "application/x-www-form-urlencoded; charset=utf-8";
    [Fact]
    public async Task Reboot_SignedQueryCallWithEachInstance()
    {
        Server.On(r => r.Form().GetValueOrDefault("Action") == "RebootInstances", 200, """
            <RebootInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <return>true</return>
            </RebootInstancesResponse>
            """, "text/xml;charset=UTF-8");
        var run = TestExecutors.Run(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = "i-0123456789abcdef0,i-0123456789abcdef1" },
            bounds: [("maxInstances", ["2"])]);

        var outcome = await new Ec2RebootInstancesExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("reboot requested (request 59dbff89-35bd-4eac-99ed-be587EXAMPLE)");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.Header("Content-Type").ShouldBe(Form);
        request.ShouldBeSignedFor("ec2");
        // The SDK writes the Query parameters sorted by name.
        request.BodyText.ShouldBe("Action=RebootInstances&InstanceId.1=i-0123456789abcdef0&InstanceId.2=i-0123456789abcdef1&Version=2016-11-15");
    }

    [Fact]
    public async Task Reboot_RequestLimitExceeded_IsRetried()
    {
        var calls = 0;
        Server.On(_ => true, async (_, response) =>
        {
            response.ContentType = "text/xml;charset=UTF-8";
            if (Interlocked.Increment(ref calls) == 1)
            {
                response.StatusCode = 503;
                await response.WriteAsync("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>");
                return;
            }

            await response.WriteAsync("<RebootInstancesResponse><requestId>r-2</requestId><return>true</return></RebootInstancesResponse>");
        });
        var run = TestExecutors.Run(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = "i-0123456789abcdef0" });

        var outcome = await new Ec2RebootInstancesExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Reboot_UnauthorizedOperation_FailsWithoutRetry()
    {
        Server.On(_ => true, 403,
            "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r-1</RequestID></Response>",
            "text/xml;charset=UTF-8");
        var run = TestExecutors.Run(CatalogActions.Ec2RebootInstances, new() { ["instanceIds"] = "i-0123456789abcdef0" });

        var outcome = await new Ec2RebootInstancesExecutor(TestExecutors.AwsSdk(Server)).ExecuteAsync(run, CancellationToken.None);

        outcome.Error.ShouldBe("RebootInstances failed: UnauthorizedOperation (403): You are not authorized to perform this operation.");
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SetDesiredCapacity_ReadsTheGroupThenSetsItWithinTheStep()
    {
        AnswerDescribe(desired: 4);
        Server.On(r => r.Form().GetValueOrDefault("Action") == "SetDesiredCapacity", 200, """
            <SetDesiredCapacityResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
              <ResponseMetadata><RequestId>7c6e177f-f082-11e1-ac58-3714bEXAMPLE</RequestId></ResponseMetadata>
            </SetDesiredCapacityResponse>
            """, "text/xml");

        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run("7"), CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("desired capacity 4 → 7; request 7c6e177f-f082-11e1-ac58-3714bEXAMPLE");
        Server.Requests.Count.ShouldBe(2);
        var describe = Server.Requests[0];
        describe.ShouldBeSignedFor("autoscaling");
        describe.BodyText.ShouldBe("Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=web-asg");
        var set = Server.Requests[1];
        set.ShouldBeSignedFor("autoscaling");
        set.Header("Content-Type").ShouldBe(Form);
        set.BodyText.ShouldBe("Action=SetDesiredCapacity&Version=2011-01-01&AutoScalingGroupName=web-asg&DesiredCapacity=7&HonorCooldown=true");
        outcome.Request!.ShouldContain("Action=DescribeAutoScalingGroups");
        outcome.Request!.ShouldContain("Action=SetDesiredCapacity");
    }

    [Theory]
    [InlineData(2, "7", "from 2 to 7 is a step of 5, bounds allow at most 3")]
    [InlineData(4, "9", "from 4 to 9 is a step of 5, bounds allow at most 3")]
    public async Task SetDesiredCapacity_StepTooLarge_ReadsButNeverSets(int current, string desired, string error)
    {
        AnswerDescribe(desired: current);

        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run(desired), CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe($"aws.autoscaling.set-desired-capacity: {error}");
        Server.Requests.ShouldHaveSingleItem().Form()["Action"].ShouldBe("DescribeAutoScalingGroups");
    }

    [Fact]
    public async Task SetDesiredCapacity_OutsideTheGroupsOwnLimits_IsRefused()
    {
        AnswerDescribe(desired: 5, max: 6);

        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run("8"), CancellationToken.None);

        outcome.Error.ShouldBe("desired capacity 8 is outside the group's own 1..6");
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SetDesiredCapacity_UnknownGroup_Fails()
    {
        Server.On(_ => true, 200, """
            <DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
              <DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult>
            </DescribeAutoScalingGroupsResponse>
            """, "text/xml");

        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run("5"), CancellationToken.None);

        outcome.Error.ShouldBe("Auto Scaling group 'web-asg' not found");
    }

    [Fact]
    public async Task SetDesiredCapacity_ThrottledOnTheWrite_IsRetriedAndScalingInProgressIsNot()
    {
        AnswerDescribe(desired: 4);
        var calls = 0;
        Server.On(r => r.Form().GetValueOrDefault("Action") == "SetDesiredCapacity", async (_, response) =>
        {
            response.StatusCode = 400;
            response.ContentType = "text/xml";
            var code = Interlocked.Increment(ref calls) == 1 ? "Throttling" : "ScalingActivityInProgress";
            await response.WriteAsync($"""
                <ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                  <Error><Type>Sender</Type><Code>{code}</Code><Message>{code} message</Message></Error>
                  <RequestId>r-1</RequestId>
                </ErrorResponse>
                """);
        });

        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run("6"), CancellationToken.None);

        outcome.Error.ShouldBe("SetDesiredCapacity failed: ScalingActivityInProgress (400): ScalingActivityInProgress message after 2 attempts");
        Server.Requests.Count(r => r.Form()["Action"] == "SetDesiredCapacity").ShouldBe(2);
    }

    [Fact]
    public async Task SetDesiredCapacity_DryRun_ReadsNothingAndRecordsTheChange()
    {
        var outcome = await new AutoScalingSetDesiredCapacityExecutor(TestExecutors.Aws(Server)).ExecuteAsync(Run("6", dryRun: true), CancellationToken.None);

        Server.Requests.ShouldBeEmpty();
        outcome.Success.ShouldBeTrue();
        outcome.Request!.ShouldEndWith("\n\nAction=SetDesiredCapacity&Version=2011-01-01&AutoScalingGroupName=web-asg&DesiredCapacity=6&HonorCooldown=true");
    }

    private static IncidentPlatform.Remediation.Executors.ActionRun Run(string desired, bool dryRun = false) => TestExecutors.Run(
        CatalogActions.AutoScalingSetDesiredCapacity, new() { ["group"] = "web-asg", ["desired"] = desired }, dryRun,
        ("min", ["1"]), ("max", ["10"]), ("maxStep", ["3"]));

    private void AnswerDescribe(int desired, int min = 1, int max = 10) =>
        Server.On(r => r.Form().GetValueOrDefault("Action") == "DescribeAutoScalingGroups", 200, $"""
            <DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
              <DescribeAutoScalingGroupsResult>
                <AutoScalingGroups>
                  <member>
                    <AutoScalingGroupName>web-asg</AutoScalingGroupName>
                    <MinSize>{min}</MinSize>
                    <MaxSize>{max}</MaxSize>
                    <DesiredCapacity>{desired}</DesiredCapacity>
                    <Instances/>
                  </member>
                </AutoScalingGroups>
              </DescribeAutoScalingGroupsResult>
              <ResponseMetadata><RequestId>d-1</RequestId></ResponseMetadata>
            </DescribeAutoScalingGroupsResponse>
            """, "text/xml");
}
