using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>http.webhook</c>: POST a JSON body, HMAC-signed, to a URL under one of the policy's allowed prefixes.</summary>
internal sealed class WebhookSchema : ActionSchema
{
    public override string Id => CatalogActions.HttpWebhook;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name == CatalogParameters.Url
        ? parameter with { MaxLength = 2048 }
        : parameter with { MaxLength = 64 * 1024, JsonObject = false };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedUrls", IsList: true, "URL prefixes (scheme, host, port and whole leading path segments) that may be called"),
    ];

    /// <summary>True when <paramref name="url"/> is under the allowed <paramref name="prefix"/>: same scheme, host and
    /// port, and a path that is the prefix's path or continues it by whole segments (<c>/ops</c> and <c>/ops/</c> allow
    /// <c>/ops/restart</c>, never <c>/ops-admin</c>).</summary>
    public static bool IsUnder(Uri url, string prefix) =>
        Uri.TryCreate(prefix, UriKind.Absolute, out var allowed) &&
        string.Equals(url.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(url.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        url.Port == allowed.Port &&
        IsPathUnder(url.AbsolutePath, allowed.AbsolutePath);

    private static bool IsPathUnder(string path, string allowed) =>
        string.Equals(path, allowed, StringComparison.Ordinal) ||
        path.StartsWith(allowed.EndsWith('/') ? allowed : allowed + "/", StringComparison.Ordinal);

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        var url = new Uri(parameters[CatalogParameters.Url]);
        var allowed = bounds.List("allowedUrls");
        if (allowed is null)
        {
            errors.Add($"{Id}: the policy sets no bounds.{Id}.allowedUrls, so no URL is allowed");
        }
        else if (!allowed.Any(prefix => IsUnder(url, prefix)))
        {
            errors.Add($"{Id}: {url.GetLeftPart(UriPartial.Path)} is not under bounds.{Id}.allowedUrls ({string.Join(", ", allowed)})");
        }

        parameters.TryAdd(CatalogParameters.Body, "{}");
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) =>
        new Uri(parameters[CatalogParameters.Url]).GetLeftPart(UriPartial.Path);
}
