namespace IncidentPlatform.Contracts;

/// <summary>Response to <see cref="GetRemediationPolicy"/>: the policy document in force and its version.</summary>
public sealed record RemediationPolicySnapshot
{
    /// <summary>True when a valid policy is loaded.</summary>
    public required bool Loaded { get; init; }

    /// <summary>The content hash of the policy in force (the <see cref="Remediation.PolicyVersion"/> of its proposals).</summary>
    public string Version { get; init; } = "";

    /// <summary>Where it was loaded from (a file path), if anywhere.</summary>
    public string? Source { get; init; }

    /// <summary>The policy text (YAML) as loaded.</summary>
    public string Content { get; init; } = "";

    /// <summary>When it was loaded.</summary>
    public DateTimeOffset? LoadedAt { get; init; }

    /// <summary>Why the latest file was not loaded (the previous valid version stays in force), if it was not.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
