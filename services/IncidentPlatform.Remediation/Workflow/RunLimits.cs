using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// A rule's time windows, cooldown per target and runs per hour per target. Counters live in the shared store, so
/// every replica sees the same runs. <see cref="PeekAsync"/> only looks (for proposals); <see cref="ClaimAsync"/>
/// counts a run (right before executing).
/// </summary>
internal sealed class RunLimits(ICounterStore counters)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Why the rule may not run on the target now, or null.</summary>
    public async Task<string?> PeekAsync(
        PolicyRule rule, string actionId, string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Window(rule, now) is { } outside)
        {
            return outside;
        }

        if (rule.Cooldown is { } cooldown && await counters.GetAsync(Key("cooldown", rule, actionId, target), cancellationToken) > 0)
        {
            return $"{target} is in its {Format(cooldown)} cooldown";
        }

        return rule.MaxRunsPerHour is { } max && await counters.GetAsync(Key("runs", rule, actionId, target), cancellationToken) >= max
            ? $"{target} already ran {max} times this hour (maxRunsPerHour {max})"
            : null;
    }

    /// <summary>Counts a run of the rule on the target; returns why it may not run (and counts nothing), or null.</summary>
    public async Task<string?> ClaimAsync(
        PolicyRule rule, string actionId, string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Window(rule, now) is { } outside)
        {
            return outside;
        }

        var runs = Key("runs", rule, actionId, target);
        if (rule.MaxRunsPerHour is { } max && await counters.GetAsync(runs, cancellationToken) >= max)
        {
            return $"{target} already ran {max} times this hour (maxRunsPerHour {max})";
        }

        // The first increment in a cooldown window wins; every later one in the window is refused.
        if (rule.Cooldown is { } cooldown && await counters.IncrementAsync(Key("cooldown", rule, actionId, target), 1, cooldown, cancellationToken) > 1)
        {
            return $"{target} is in its {Format(cooldown)} cooldown";
        }

        if (rule.MaxRunsPerHour is { } limit && await counters.IncrementAsync(runs, 1, Hour, cancellationToken) > limit)
        {
            return $"{target} already ran {limit} times this hour (maxRunsPerHour {limit})";
        }

        return null;
    }

    private static string? Window(PolicyRule rule, DateTimeOffset now) =>
        rule.Windows is { } windows && !windows.Contains(now) ? $"outside the rule's time windows ({windows})" : null;

    private static string Key(string kind, PolicyRule rule, string actionId, string target) =>
        $"remediation:{kind}:{rule.Name}:{actionId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target)))[..32]}";

    private static string Format(TimeSpan span) => span.TotalHours >= 1 && span.Minutes == 0
        ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0}m" : $"{span.TotalSeconds:0}s";
}
