using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Consumers;

public sealed class RunDetectionConsumerTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static DetectorOptions Rules() => new()
    {
        Rules =
        {
            ["payment-errors"] = new DetectionRuleOptions
            {
                Query = "index=app level=ERROR | stats count by service", Threshold = 3, Interval = TimeSpan.FromMinutes(5),
            },
        },
    };

    private static async Task<DetectionResult> AskAsync(ConsumerRig rig, RunDetection request) =>
        (await rig.Harness.GetRequestClient<RunDetection>().GetResponse<DetectionResult>(request)).Message;

    private static RunDetection Request(string? rule = null, string? query = null, bool raise = false) => new()
    {
        Rule = rule, Query = query, Earliest = From, Latest = From.AddMinutes(10), Raise = raise,
        RequestedBy = "mcp:alice", OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Consume_ConfiguredRule_SearchesTheRangeAndReturnsSignalsWithoutRaising()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            splunk.Add(From.AddMinutes(i), "payments", "ERROR pool");
        }

        splunk.Add(From.AddMinutes(1), "checkout", "ERROR upstream");
        await using var rig = await ConsumerRig.StartAsync(splunk.Server.BaseAddress.ToString(), Rules());

        var result = await AskAsync(rig, Request("payment-errors"));

        result.Accepted.ShouldBeTrue();
        result.Status.ShouldBe(200);
        result.EventsScanned.ShouldBe(5);
        var signal = result.Signals.ShouldHaveSingleItem();
        (signal.Rule, signal.Count, signal.Threshold, signal.WindowStart, signal.WindowEnd)
            .ShouldBe(("payment-errors", 4L, 3.0, From, From.AddMinutes(10)));
        result.AlertIds.ShouldBeEmpty();
        FakeSplunk.WindowOf(splunk.Exports.ShouldHaveSingleItem()).ShouldBe((From, From.AddMinutes(10)));
        (await rig.Harness.Published.Any<AlertReceived>()).ShouldBeFalse();
    }

    [Fact]
    public async Task Consume_AdHocQueryWithRaise_PublishesTheAlertsItReturns()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.Add(From.AddMinutes(2), "search", "FATAL OutOfMemoryError");
        await using var rig = await ConsumerRig.StartAsync(splunk.Server.BaseAddress.ToString());

        var result = await AskAsync(rig, Request(query: "index=app OutOfMemoryError", raise: true));

        result.Accepted.ShouldBeTrue();
        result.Rule.ShouldStartWith("ad-hoc-");
        result.Signals.ShouldHaveSingleItem().SampleLines.ShouldBe(["FATAL OutOfMemoryError"]);
        var published = rig.Harness.Published.Select<AlertReceived>().Single().Context.Message;
        result.AlertIds.ShouldBe([published.AlertId]);
        published.Alert.Service.ShouldBe("search");
        splunk.Exports.Single().Form()["search"].ShouldBe("search index=app OutOfMemoryError");
    }

    [Theory]
    [InlineData("no-such-rule", null, 404, "There is no detection rule 'no-such-rule'. Rules: payment-errors.")]
    [InlineData(null, "index=app | delete", 400, "'delete'")]
    [InlineData(null, "index=app | outputlookup evil.csv", 400, "'outputlookup'")]
    [InlineData(null, null, 400, "Give a rule name or a query.")]
    public async Task Consume_BadRequest_AnswersWithAClearErrorAndSearchesNothing(string? rule, string? query, int status, string error)
    {
        await using var splunk = await FakeSplunk.StartAsync();
        await using var rig = await ConsumerRig.StartAsync(splunk.Server.BaseAddress.ToString(), Rules());

        var result = await AskAsync(rig, Request(rule, query));

        result.Accepted.ShouldBeFalse();
        result.Status.ShouldBe(status);
        result.Error.ShouldNotBeNull().ShouldContain(error);
        splunk.Exports.ShouldBeEmpty();
    }

    [Fact]
    public async Task Consume_SplunkFails_Answers502WithSplunksError()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.FailWith(401, "WARN", "call not properly authenticated");
        await using var rig = await ConsumerRig.StartAsync(splunk.Server.BaseAddress.ToString(), Rules());

        var result = await AskAsync(rig, Request("payment-errors"));

        (result.Accepted, result.Status).ShouldBe((false, 502));
        result.Error.ShouldNotBeNull().ShouldContain("call not properly authenticated");
    }

    [Fact]
    public async Task Consume_NoSplunkConfigured_Answers503()
    {
        await using var rig = await ConsumerRig.StartAsync(splunkUrl: null, Rules());

        var result = await AskAsync(rig, Request("payment-errors"));

        (result.Accepted, result.Status).ShouldBe((false, 503));
        result.Error.ShouldNotBeNull().ShouldContain("Splunk:Url");
    }
}
