namespace IncidentPlatform.Remediation.Policies;

/// <summary>A policy was rejected; <see cref="Errors"/> say where and why. The previous policy stays in force.</summary>
internal sealed class PolicyLoadException(IReadOnlyList<PolicyError> errors)
    : Exception($"The remediation policy is invalid: {string.Join("; ", errors.Take(10))}" +
                (errors.Count > 10 ? $" (and {errors.Count - 10} more)" : ""))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}
