namespace IncidentPlatform.Remediation.Policies;

/// <summary>The state of the policy in force and of the latest attempt to load one.</summary>
/// <param name="Policy">The policy in force.</param>
/// <param name="LoadedAt">When it was loaded (null: none configured).</param>
/// <param name="CheckedAt">When the files were last checked.</param>
/// <param name="Content">The text of the policy in force, as loaded (files of a directory one after the other).</param>
internal sealed record PolicyStatus(RemediationPolicy Policy, DateTimeOffset? LoadedAt, DateTimeOffset? CheckedAt, string Content)
{
    /// <summary>Why the latest change was rejected, one problem each (empty: the files in place are the policy in force).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The rejection in one line, or null.</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join("; ", Errors);
}
