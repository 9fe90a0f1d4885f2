using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Executors.Webhook;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>
/// An execution that may have run but never reported becomes <c>interrupted</c>: never retried by itself, never called
/// failed, and resolved by a person. The restart is a second host on the same real Redis.
/// </summary>
public sealed class InterruptionTests : FakeServerTest
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void Answer(FakeHttpServer server) =>
        server.On(r => r.Path == "/ops/restart", async (_, response) =>
        {
            await _release.Task; // The first call hangs until the test lets it go: the target got it, no answer came back.
            response.StatusCode = 200;
        });

    [Fact]
    public async Task Execute_ServiceStopsMidCall_AfterRestartItIsInterruptedAndRunsAgainOnlyWhenAPersonSaysSo()
    {
        await using var redis = await RedisServer.StartNewAsync();
        string id;
        await using (var first = await StartAsync(redis, TestData.Wednesday10))
        {
            id = (await first.SeedWebhookAsync($"{Server.BaseAddress}ops/restart", "restart")).Id;
            using var stop = new CancellationTokenSource();
            var running = Task.Run(() => first.Services.GetRequiredService<RemediationExecutor>().ExecuteAsync(id, first.Harness.Bus, stop.Token));
            await Server.WaitForRequestAsync(r => r.Path == "/ops/restart", TimeSpan.FromSeconds(30));

            await stop.CancelAsync(); // The host stopping mid-call, as its shutdown does; then the host is gone.
            await Should.ThrowAsync<OperationCanceledException>(running);
        }

        // The restart, past the execution timeout: its first sweep finds the run that never reported.
        await using var second = await StartAsync(redis, TestData.Wednesday10 + TimeSpan.FromMinutes(16));
        var interrupted = await Eventually.GetAsync(() => second.Repository.GetAsync(id, default),
            r => r!.State != RemediationState.Executing, "the restarted service's sweep");
        await second.SweepAsync();
        await second.SweepAsync();

        interrupted!.State.ShouldBe(RemediationState.Interrupted);
        interrupted.Result!.Error.ShouldNotBeNull().ShouldContain("may have run");
        second.Harness.Published.Select<RemediationInterrupted>().ShouldHaveSingleItem().Context.Message.RemediationId.ShouldBe(id);
        second.Harness.Published.Select<RemediationFailed>().ShouldBeEmpty();
        second.Harness.Published.Select<ExecuteRemediation>().ShouldBeEmpty();
        Server.Requests.Count.ShouldBe(1);
        var kinds = (await second.Services.GetRequiredService<AuditTrail>().ReadAsync(interrupted.IncidentId, default)).Select(e => e.Kind);
        kinds.ShouldBe(["executing", "interrupted"]);

        _release.SetResult();
        var rerun = await ResolveAsync(second, id, RemediationResolution.Rerun, ["sre"]);

        rerun.Accepted.ShouldBeTrue(rerun.Error);
        rerun.Remediation!.State.ShouldBe(RemediationState.Approved);
        await Eventually.GetAsync(() => second.Repository.GetAsync(id, default), r => r!.State == RemediationState.Succeeded, "the re-run succeeded");
        Server.Requests.Count.ShouldBe(2);
        (await second.Services.GetRequiredService<AuditTrail>().ReadAsync(interrupted.IncidentId, default)).Select(e => e.Kind)
            .ShouldBe(["executing", "interrupted", "rerun-requested", "executing", "succeeded"]);
    }

    [Fact]
    public async Task Execute_WebhookGivesNoAnswerInTime_IsInterruptedAtOnceAndNotRunAgain()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var host = await StartAsync(redis, TestData.Wednesday10, services => services.AddHttpClient<WebhookExecutor>()
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(300)));
        var id = (await host.SeedWebhookAsync($"{Server.BaseAddress}ops/restart", "restart")).Id;
        var executor = host.Services.GetRequiredService<RemediationExecutor>();

        var ran = await executor.ExecuteAsync(id, host.Harness.Bus, CancellationToken.None);
        var again = await executor.ExecuteAsync(id, host.Harness.Bus, CancellationToken.None);
        await host.QuietAsync();
        _release.SetResult();

        (ran, again).ShouldBe((true, false));
        var interrupted = (await host.Repository.GetAsync(id, default))!;
        interrupted.State.ShouldBe(RemediationState.Interrupted);
        interrupted.Result!.Error.ShouldNotBeNull().ShouldContain("the webhook gave no definite answer");
        interrupted.Result.Request.ShouldNotBeNull().ShouldContain("ops/restart");
        host.Harness.Published.Select<RemediationInterrupted>().ShouldHaveSingleItem();
        host.Harness.Published.Select<RemediationFailed>().ShouldBeEmpty();
        Server.Requests.Count.ShouldBe(1);
        (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(interrupted.IncidentId, default)).Select(e => e.Kind)
            .ShouldBe(["executing", "interrupted"]);
    }

    [Fact]
    public async Task Resolve_SucceededThenAgain_RecordsItOnceAndRefusesTheSecond()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var host = await StartAsync(redis, TestData.Wednesday10);
        var id = (await host.SeedWebhookAsync($"{Server.BaseAddress}ops/restart", "restart", RemediationState.Interrupted)).Id;

        var noRole = await ResolveAsync(host, id, RemediationResolution.Rerun, ["dba"]);
        var done = await ResolveAsync(host, id, RemediationResolution.Succeeded, [], "checked the pods: restarted at 10:02");
        var again = await ResolveAsync(host, id, RemediationResolution.Failed, []);
        var unknown = await ResolveAsync(host, "rem-nothing", RemediationResolution.Failed, []);

        (noRole.Accepted, noRole.Status).ShouldBe((false, 403));
        noRole.Error.ShouldNotBeNull().ShouldContain("needs one of the roles sre");
        done.Accepted.ShouldBeTrue(done.Error);
        done.Remediation!.State.ShouldBe(RemediationState.Succeeded);
        done.Remediation.Result!.Output.ShouldNotBeNull().ShouldContain("checked the pods: restarted at 10:02");
        (again.Accepted, again.Status).ShouldBe((false, 409));
        again.Error.ShouldNotBeNull().ShouldContain("not interrupted");
        (unknown.Accepted, unknown.Status).ShouldBe((false, 404));
        host.Harness.Published.Select<RemediationExecuted>().ShouldHaveSingleItem();
        Server.Requests.ShouldBeEmpty();
    }

    private Task<RemediationHost> StartAsync(RedisServer redis, DateTimeOffset now, Action<IServiceCollection>? services = null) =>
        RemediationHost.StartAsync(Policy, new Dictionary<string, string?> { ["Remediation:Webhook:Secret"] = "webhook-secret-0123456789" },
            new ManualTimeProvider(now), redis.ConnectionString, services);

    private static async Task<RemediationCommandResult> ResolveAsync(
        RemediationHost host, string id, RemediationResolution resolution, string[] roles, string? comment = null)
    {
        var response = await host.Harness.GetRequestClient<ResolveRemediation>().GetResponse<RemediationCommandResult>(new ResolveRemediation
        {
            RemediationId = id, OccurredAt = host.Time.GetUtcNow(), Resolution = resolution, Actor = "alice", ActorId = "key:alice",
            Channel = "rest", Roles = roles, Comment = comment,
        });
        await host.QuietAsync();
        return response.Message;
    }

    private string Policy => $$"""
        bounds:
          http.webhook: {allowedUrls: ["{{Server.BaseAddress}}ops/"]}
        rules:
          - name: restart
            match: {categories: [timeout]}
            actions:
              - action: http.webhook
                parameters: {url: "{{Server.BaseAddress}}ops/restart"}
            approval: {mode: manual, roles: [sre]}
        """;
}
