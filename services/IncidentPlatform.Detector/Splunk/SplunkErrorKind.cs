namespace IncidentPlatform.Detector.Splunk;

/// <summary>Why a Splunk search failed.</summary>
internal enum SplunkErrorKind
{
    /// <summary>401/403: the token is wrong, expired, or lacks the capability.</summary>
    Unauthorized,

    /// <summary>400: Splunk refused the search (its messages say why, e.g. a syntax error).</summary>
    BadRequest,

    /// <summary>5xx: Splunk is down, restarting or overloaded.</summary>
    Unavailable,

    /// <summary>Another unexpected HTTP status.</summary>
    Http,

    /// <summary>The search did not finish within <see cref="SplunkOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The result stream broke off or was malformed.</summary>
    BrokenStream,

    /// <summary>No connection (refused, DNS, TLS verification).</summary>
    Connection,

    /// <summary>The search ran but reported an ERROR or FATAL message in the stream.</summary>
    SearchFailed,
}
