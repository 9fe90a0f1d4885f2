using System.Diagnostics;
using OpenTelemetry;

namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>
/// Replaces the URL attributes of every recorded span (<c>url.full</c>, <c>http.url</c>, <c>url.query</c>) with their
/// <see cref="UrlRedaction"/> form, when a span starts and again when it ends (instrumentation may set them in between),
/// before any exporter sees it. <c>server.address</c> and <c>server.port</c> stay.
/// </summary>
internal sealed class UrlRedactingProcessor : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnStart(Activity data) => Redact(data);

    /// <inheritdoc />
    public override void OnEnd(Activity data) => Redact(data);

    private static void Redact(Activity activity)
    {
        foreach (var tag in UrlRedaction.UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && value.Length > 0 && !IsRedacted(value))
            {
                activity.SetTag(tag, tag == "url.query" ? UrlRedaction.Redacted : UrlRedaction.Redact(value));
            }
        }
    }

    private static bool IsRedacted(string value) =>
        value == UrlRedaction.Redacted || value.EndsWith("/" + UrlRedaction.Redacted, StringComparison.Ordinal);
}
