namespace IncidentPlatform.Remediation.Policies;

/// <summary>One problem in a policy file, where it is and what is wrong.</summary>
/// <param name="File">The file, relative to the policy path.</param>
/// <param name="Line">The 1-based line (0 when the whole file is concerned).</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record PolicyError(string File, long Line, long Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
