using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Detector.Tests.Splunk;

public sealed class SplunkRuleRunnerFailureTests
{
    private static readonly DateTimeOffset Minute9 = new(2026, 11, 21, 8, 9, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("unauthorized", "call not properly authenticated")]
    [InlineData("bad-request", "Error in 'search' command: Unable to parse the search: unbalanced quotes.")]
    [InlineData("unavailable", "Splunkd is restarting")]
    [InlineData("broken-stream", "without its last row")]
    [InlineData("timeout", "did not finish within")]
    public async Task Run_SplunkFails_DegradesHealthThenRetriesTheSameWindowWithBackoffUntilItRecovers(string failure, string said)
    {
        await using var rig = await SplunkRig.StartAsync();
        rig.Errors(Minute9, "payments", 6);
        var runner = rig.Runner("a");
        Break(rig, failure, said);

        var retryAt = await RunFailingAsync(rig, runner, failure);

        retryAt.ShouldBe(rig.Clock.GetUtcNow() + TimeSpan.FromSeconds(failure == "timeout" ? 5 - 21 : 5));
        var health = await rig.Health().CheckHealthAsync(new());
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldNotBeNull().ShouldContain($"rule '{SplunkRig.RuleName}' failing (1 attempt(s), no success yet)");
        health.Description.ShouldContain(said);
        (await rig.CheckpointAsync()).ShouldBe("2026-11-21T08:09:00.0000000+00:00"); // not past the failed window

        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await RunFailingAsync(rig, runner, failure);
        second.ShouldBe(rig.Clock.GetUtcNow() + TimeSpan.FromSeconds(failure == "timeout" ? 10 - 21 : 10)); // the delay doubles
        rig.Board.Get(SplunkRig.RuleName).ConsecutiveFailures.ShouldBe(2);

        rig.Splunk.Recover();
        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        await runner.RunAsync(default);

        // Three searches of the failing window, the last one raised; later windows (due meanwhile) follow it.
        var windows = rig.Splunk.Exports.Select(FakeSplunk.WindowOf).ToList();
        windows.Take(3).Select(w => w.Earliest).ShouldBe([Minute9, Minute9, Minute9]);
        windows.Skip(3).Select(w => w.Earliest).ShouldAllBe(start => start > Minute9);
        rig.Published().Select(p => (p.Alert.Evidence!.WindowStart, p.Alert.Evidence.Count)).ShouldBe([(Minute9, 6L)]);
        (await rig.Health().CheckHealthAsync(new())).Status.ShouldBe(HealthStatus.Healthy);
        (await rig.CheckpointAsync()).ShouldNotBe("2026-11-21T08:09:00.0000000+00:00");
    }

    [Fact]
    public async Task Run_SearchLongerThanTheLeaseTtl_RenewsTheLeaseSoTheOtherReplicaStandsBy()
    {
        await using var rig = await SplunkRig.StartAsync(o => o.Timeout = TimeSpan.FromMinutes(5));
        rig.Errors(Minute9, "payments", 6);
        var leases = new CountingLeaseStore(rig.Leases);
        var a = rig.Runner("replica-a", leases);
        var b = rig.Runner("replica-b");
        rig.Splunk.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var searching = a.RunAsync(default);
        await rig.Splunk.Server.WaitForRequestAsync(r => r.Path == FakeSplunk.ExportPath, TimeSpan.FromSeconds(10));
        for (var step = 1; step <= 6; step++)
        {
            var renewals = leases.Acquired;
            rig.Clock.Advance(rig.Options.LeaseTtl / 3);
            await Eventually.TrueAsync(() => leases.Acquired > renewals, $"renewal {step} of a's lease");
            await b.RunAsync(default);
            rig.Board.Get(SplunkRig.RuleName).Standby.ShouldBeTrue();
        }

        rig.Splunk.Hold.SetResult();
        await searching;

        // 60 s of searching, twice the lease's time to live, and b never searched: the window was searched once
        // (then a went on with the next one, due meanwhile).
        rig.Splunk.Exports.Select(FakeSplunk.WindowOf).Select(w => w.Latest.Minute).ShouldBe([10, 11]);
        rig.Published().ShouldHaveSingleItem();
        (await rig.CheckpointAsync()).ShouldNotBeNull();
    }

    private static void Break(SplunkRig rig, string failure, string said)
    {
        switch (failure)
        {
            case "unauthorized":
                rig.Splunk.FailWith(401, "WARN", said);
                break;
            case "bad-request":
                rig.Splunk.FailWith(400, "FATAL", said);
                break;
            case "unavailable":
                rig.Splunk.FailWith(503, "ERROR", said);
                break;
            case "broken-stream":
                rig.Splunk.Server.On(r => r.Path == FakeSplunk.ExportPath, 200,
                    "{\"preview\":false,\"offset\":0,\"result\":{\"service\":\"payments\",\"count\":\"6\"}}\n");
                break;
            default:
                rig.Splunk.Server.On(r => r.Path == FakeSplunk.ExportPath,
                    (_, response) => Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted));
                break;
        }
    }

    /// <summary>Runs a step that fails; a search that never answers fails once the clock passes the timeout.</summary>
    private static async Task<DateTimeOffset> RunFailingAsync(SplunkRig rig, SplunkRuleRunner runner, string failure)
    {
        if (failure != "timeout")
        {
            return await runner.RunAsync(default);
        }

        var requests = rig.Splunk.Exports.Count;
        var step = runner.RunAsync(default);
        await Eventually.TrueAsync(() => rig.Splunk.Exports.Count > requests, "the search request");
        rig.Clock.Advance(rig.Options.Timeout + TimeSpan.FromSeconds(1));
        return await step;
    }
}
