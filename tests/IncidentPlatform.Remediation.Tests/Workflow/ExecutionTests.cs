using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>At most once per approval: racing executors, redelivered commands, the sweeper's resend and timeout.</summary>
public sealed class ExecutionTests : FakeServerTest
{
    protected override void Answer(FakeHttpServer server)
    {
        server.On(r => r.Path == "/ops/restart", async (_, response) =>
        {
            await Task.Delay(50); // Long enough for racing executors to overlap.
            response.StatusCode = 200;
        });
    }

    [Fact]
    public async Task Execute_EightExecutorsRacingForOneApproval_RunItOnce()
    {
        await using var host = await StartAsync();
        var approved = await ApprovedAsync(host);

        var ran = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            host.Services.GetRequiredService<RemediationExecutor>().ExecuteAsync(approved.Id, host.Harness.Bus, CancellationToken.None))));

        ran.Count(r => r).ShouldBe(1);
        Server.Requests.Count.ShouldBe(1);
        (await host.Repository.GetAsync(approved.Id, default))!.State.ShouldBe(RemediationState.Succeeded);
    }

    [Fact]
    public async Task Execute_CommandDeliveredThreeTimes_RunsOnce()
    {
        await using var host = await StartAsync();
        var approved = await ApprovedAsync(host);

        var command = new ExecuteRemediation { IncidentId = approved.IncidentId, RemediationId = approved.Id, OccurredAt = host.Time.GetUtcNow() };
        await Task.WhenAll(host.Harness.Bus.Publish(command), host.Harness.Bus.Publish(command), host.Harness.Bus.Publish(command));
        await host.QuietAsync();

        host.Harness.Consumed.Select<ExecuteRemediation>().Count().ShouldBe(3);
        Server.Requests.Count.ShouldBe(1);
        host.Harness.Published.Select<RemediationExecuted>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Execute_RuleRemovedFromThePolicySinceApproval_IsRefusedAndSendsNothing()
    {
        await using var host = await StartAsync();
        var approved = await ApprovedAsync(host);
        await File.WriteAllTextAsync(host.PolicyPath, Policy(Server, "another-rule"));
        await host.Services.GetRequiredService<IncidentPlatform.Remediation.Policies.PolicyProvider>().CheckAsync(TimeSpan.Zero, default);

        await host.Services.GetRequiredService<RemediationExecutor>().ExecuteAsync(approved.Id, host.Harness.Bus, default);

        var failed = (await host.Repository.GetAsync(approved.Id, default))!;
        failed.State.ShouldBe(RemediationState.Failed);
        failed.Result!.Error.ShouldNotBeNull().ShouldStartWith("refused at execution: the policy in force");
        failed.Result.Error.ShouldContain("no longer lets rule 'restart' run http.webhook");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_ApprovedButNeverStarted_SendsTheCommandAgainAndItRunsOnce()
    {
        await using var host = await StartAsync();
        var approved = await ApprovedAsync(host);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.SweepAsync();
        await host.SweepAsync();

        host.Harness.Published.Select<ExecuteRemediation>().Count().ShouldBe(1);
        Server.Requests.Count.ShouldBe(1);
        (await host.Repository.GetAsync(approved.Id, default))!.State.ShouldBe(RemediationState.Succeeded);
    }

    [Fact]
    public async Task Sweep_ExecutionThatNeverReported_MarksItInterruptedWithoutRunningItAgain()
    {
        await using var host = await StartAsync();
        var approved = await ApprovedAsync(host);
        var claimed = await host.Repository.TryUpdateAsync(approved with { State = RemediationState.Executing }, default);
        claimed.ShouldNotBeNull();

        host.Time.Advance(TimeSpan.FromMinutes(16));
        await host.SweepAsync();

        var interrupted = (await host.Repository.GetAsync(approved.Id, default))!;
        interrupted.State.ShouldBe(RemediationState.Interrupted);
        interrupted.Result!.Error.ShouldNotBeNull().ShouldContain("the action may have run, so it is not run again nor called failed");
        host.Harness.Published.Select<RemediationInterrupted>().ShouldHaveSingleItem();
        host.Harness.Published.Select<RemediationFailed>().ShouldBeEmpty();
        Server.Requests.ShouldBeEmpty();
    }

    private Task<RemediationHost> StartAsync() => RemediationHost.StartAsync(Policy(Server, "restart"),
        new Dictionary<string, string?> { ["Remediation:Webhook:Secret"] = "webhook-secret-0123456789" });

    private static string Policy(FakeHttpServer hook, string rule) => $$"""
        bounds:
          http.webhook: {allowedUrls: ["{{hook.BaseAddress}}ops/"]}
        rules:
          - name: {{rule}}
            match: {categories: [timeout]}
            actions:
              - action: http.webhook
                parameters: {url: "{{hook.BaseAddress}}ops/restart"}
            approval: {mode: manual, roles: [sre]}
        """;

    // An approved remediation whose execute command was never delivered (written straight to the store).
    private Task<Contracts.Remediation> ApprovedAsync(RemediationHost host) => host.SeedWebhookAsync($"{Server.BaseAddress}ops/restart", "restart");
}
