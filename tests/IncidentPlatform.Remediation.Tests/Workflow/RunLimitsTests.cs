using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Remediation.Workflow;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

public sealed class RunLimitsTests
{
    [Fact]
    public async Task Claim_WithinCooldown_IsRefusedPerTargetUntilItEnds()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var store = await TestStore.EmbeddedAsync(time);
        var limits = new RunLimits(store.Services.GetRequiredService<ICounterStore>());
        var rule = Rule("cooldown: 10m");

        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
        (await limits.PeekAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBe("PABC123 is in its 10m cooldown");
        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBe("PABC123 is in its 10m cooldown");
        (await limits.ClaimAsync(rule, "pagerduty.note", "POTHER1", time.GetUtcNow(), default)).ShouldBeNull();

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        (await limits.PeekAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_BeyondMaxRunsPerHour_IsRefusedUntilTheHourEnds()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var store = await TestStore.EmbeddedAsync(time);
        var limits = new RunLimits(store.Services.GetRequiredService<ICounterStore>());
        var rule = Rule("maxRunsPerHour: 2");

        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default))
            .ShouldBe("PABC123 already ran 2 times this hour (maxRunsPerHour 2)");

        time.Advance(TimeSpan.FromMinutes(61));
        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_ConcurrentClaimsOnOneTarget_OnlyOneWinsTheCooldown()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var store = await TestStore.EmbeddedAsync(time);
        var counters = store.Services.GetRequiredService<ICounterStore>();
        var rule = Rule("cooldown: 1h");

        var refusals = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => new RunLimits(counters).ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default))));

        refusals.Count(r => r is null).ShouldBe(1);
    }

    [Fact]
    public async Task Claim_OutsideTheTimeWindow_IsRefused()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var store = await TestStore.EmbeddedAsync(time);
        var limits = new RunLimits(store.Services.GetRequiredService<ICounterStore>());
        var rule = Rule("windows:\n      timeZone: UTC\n      allowed:\n        - days: [weekend]");

        (await limits.ClaimAsync(rule, "pagerduty.note", "PABC123", time.GetUtcNow(), default))
            .ShouldBe("outside the rule's time windows (sat,sun 00:00-24:00 (UTC))");
    }

    private static PolicyRule Rule(string setting) => Infrastructure.Policies.Load($"""
        rules:
          - name: limited
            match: {"{}"}
            approval: auto
            actions:
              - action: pagerduty.note
                parameters: {"{incident: PABC123, content: hi}"}
            {setting}
        """).Rules.Single();
}
