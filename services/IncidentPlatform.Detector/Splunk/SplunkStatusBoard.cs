using System.Collections.Concurrent;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>The latest <see cref="RuleStatus"/> of every rule, shared by the pollers and the health check.</summary>
internal sealed class SplunkStatusBoard
{
    private readonly ConcurrentDictionary<string, RuleStatus> _rules = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, RuleStatus> Rules => _rules;

    public RuleStatus Get(string rule) => _rules.GetValueOrDefault(rule) ?? new RuleStatus();

    public void Update(string rule, Func<RuleStatus, RuleStatus> change) =>
        _rules.AddOrUpdate(rule, _ => change(new RuleStatus()), (_, current) => change(current));
}
