namespace IncidentPlatform.Contracts;

/// <summary>Response to <see cref="SuggestRemediations"/>: the policy-evaluated actions for an incident.</summary>
public sealed record RemediationSuggestions
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>True when the incident exists (false: nothing was evaluated).</summary>
    public required bool Found { get; init; }

    /// <summary>The content hash of the policy evaluated (empty when no policy is loaded).</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The actions the policy allows now, best first (empty when no rule matched).</summary>
    public required IReadOnlyList<RemediationSuggestion> Suggestions { get; init; }

    /// <summary>Why rules were skipped (template values missing, cooldown, time window, run limits, bounds).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
