using System.Reflection;

namespace IncidentPlatform.Gateway.Ui;

/// <summary>
/// The web UI: plain HTML/CSS/JS embedded in this assembly (no build step, no CDN, no static-web-asset files), served at
/// <c>/ui/</c> (ES modules and stylesheets, an SVG icon also answering <c>/favicon.ico</c>). These files are the only
/// content besides health served without a key: they hold no data, and the page asks for the API key and sends it as a
/// header with every API call. A strict Content-Security-Policy allows only this origin's scripts and styles.
/// </summary>
internal static class UiEndpoints
{
    public const string Prefix = "/ui/";
    private const string ResourcePrefix = "ui/";

    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Assembly Assembly = typeof(UiEndpoints).Assembly;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8", [".svg"] = "image/svg+xml",
    };

    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(Prefix)).AllowAnonymous().ExcludeFromDescription();
        // Browsers and tools ask for /favicon.ico on their own: answer with the UI's icon instead of a logged 401.
        app.MapGet("/favicon.ico", (HttpContext context) => Serve("favicon.svg", context)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/{*file}", (string? file, HttpContext context) => Serve(file, context)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string? file, HttpContext context)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        var extension = Path.GetExtension(name);
        if (name.Contains("..", StringComparison.Ordinal) || !Types.TryGetValue(extension, out var type) ||
            Assembly.GetManifestResourceStream(ResourcePrefix + name) is not { } stream)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"The UI has no file '{name}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Stream(stream, type);
    }
}
