namespace IncidentPlatform.Detector.Splunk;

/// <summary>A Splunk search failed; the message says what Splunk (or the network) said.</summary>
internal sealed class SplunkSearchException(SplunkErrorKind kind, string message, int? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public SplunkErrorKind Kind { get; } = kind;

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? Status { get; } = status;
}
