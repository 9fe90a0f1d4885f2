using System.Net.Sockets;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>An AWS call failed: the service answered with an error, or could not be reached.</summary>
/// <param name="operation">The operation.</param>
/// <param name="status">The HTTP status (0 when there was no answer).</param>
/// <param name="code">The AWS error code (<c>AccessDeniedException</c>, <c>Throttling</c>…).</param>
/// <param name="detail">The error message.</param>
/// <param name="attempts">How many times it was sent.</param>
/// <param name="notSent">True when the request certainly never reached AWS (the connection was refused).</param>
internal sealed class AwsCallException(string operation, int status, string code, string detail, int attempts, bool notSent = false)
    : Exception($"{operation} failed: {code} ({status}): {detail}" + (attempts > 1 ? $" after {attempts} attempts" : ""))
{
    /// <summary>The code of a call that got no answer.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>The operation.</summary>
    public string Operation { get; } = operation;

    /// <summary>The HTTP status (0 when there was no answer).</summary>
    public int Status { get; } = status;

    /// <summary>The AWS error code.</summary>
    public string Code { get; } = code;

    /// <summary>The error message.</summary>
    public string Detail { get; } = detail;

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>True when the request certainly never reached AWS.</summary>
    public bool NotSent { get; } = notSent;

    /// <summary>A call that got no answer; a refused connection never reached AWS.</summary>
    public static AwsCallException Network(string operation, HttpRequestException e) => new(
        operation, 0, NetworkError, e.Message, 1, e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused });

    /// <summary>The same failure, counted over <paramref name="sent"/> attempts.</summary>
    public AwsCallException After(int sent) => new(Operation, Status, Code, Detail, sent, NotSent);
}
