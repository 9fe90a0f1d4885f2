namespace IncidentPlatform.Remediation.Policies;

/// <summary>The state of the policy in force and of the latest attempt to load one.</summary>
/// <param name="Policy">The policy in force.</param>
/// <param name="LoadedAt">When it was loaded (null: none configured).</param>
/// <param name="CheckedAt">When the files were last checked.</param>
/// <param name="Error">Why the latest change was rejected (null: the files in place are the policy in force).</param>
internal sealed record PolicyStatus(RemediationPolicy Policy, DateTimeOffset? LoadedAt, DateTimeOffset? CheckedAt, string? Error);
