using System.Net;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The UI's files: served without a key, with the strict CSP, and quietly (no log line per request).</summary>
public sealed class UiAssetTests
{
    [Fact]
    public async Task Assets_AndTheFavicon_AreServedAnonymouslyWithoutALogLine()
    {
        var logs = new CapturedLogs();
        await using var host = await GatewayTestHost.StartAsync(configure: b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Information);
            b.Logging.AddProvider(logs);
        });
        using var browser = host.Client(apiKey: null);
        logs.Lines.Clear();

        using var favicon = await browser.GetAsync("/favicon.ico");
        using var page = await browser.GetAsync("/ui/");
        using var module = await browser.GetAsync("/ui/list.js");
        using var style = await browser.GetAsync("/ui/components.css");

        favicon.StatusCode.ShouldBe(HttpStatusCode.OK);
        favicon.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await favicon.Content.ReadAsStringAsync()).ShouldStartWith("<svg");
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        module.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        style.StatusCode.ShouldBe(HttpStatusCode.OK);
        logs.Lines.Where(l => l.Category.Contains("Authentication", StringComparison.Ordinal) || l.Message.Contains("challenged", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Assets_UnknownOrEscaping_Are404()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var browser = host.Client(apiKey: null);

        using var unknown = await browser.GetAsync("/ui/nothing.js");
        using var escaping = await browser.GetAsync("/ui/..%2Fappsettings.json");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        escaping.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
