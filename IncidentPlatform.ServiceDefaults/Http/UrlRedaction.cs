namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>
/// What of an outgoing URL may be logged or traced: its scheme, host and port. Paths and queries can carry secrets
/// (a Slack or Teams webhook's path is its credential; a webhook may take a token in its query), so they are replaced
/// by <see cref="Redacted"/> whatever the destination.
/// </summary>
public static class UrlRedaction
{
    /// <summary>What stands for a path or query that was left out.</summary>
    public const string Redacted = "REDACTED";

    /// <summary>The span attributes that carry a whole URL (current and older semantic conventions) or its query.</summary>
    internal static readonly string[] UrlTags = ["url.full", "http.url", "url.query"];

    /// <summary><c>scheme://host:port/</c>, with <c>REDACTED</c> after it when the URL had a path or a query.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        if (!uri.IsAbsoluteUri)
        {
            return Redacted;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        return uri.PathAndQuery is "/" or "" && uri.Fragment.Length == 0 ? origin + "/" : $"{origin}/{Redacted}";
    }

    /// <summary>The redacted form of a URL given as text (anything that is not an absolute URL is left out whole).</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Redact(uri) : Redacted;
}
