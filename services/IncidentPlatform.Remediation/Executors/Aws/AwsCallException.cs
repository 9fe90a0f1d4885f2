namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>An AWS call failed: the service answered with an error, or could not be reached.</summary>
/// <param name="operation">The operation.</param>
/// <param name="status">The HTTP status (0 when there was no answer).</param>
/// <param name="code">The AWS error code (<c>AccessDeniedException</c>, <c>Throttling</c>…).</param>
/// <param name="detail">The error message.</param>
/// <param name="attempts">How many times it was sent.</param>
internal sealed class AwsCallException(string operation, int status, string code, string detail, int attempts)
    : Exception($"{operation} failed: {code} ({status}): {detail}" + (attempts > 1 ? $" after {attempts} attempts" : ""))
{
    /// <summary>The HTTP status (0 when there was no answer).</summary>
    public int Status { get; } = status;

    /// <summary>The AWS error code.</summary>
    public string Code { get; } = code;

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; } = attempts;
}
