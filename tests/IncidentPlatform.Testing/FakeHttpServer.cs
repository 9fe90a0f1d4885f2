using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Testing;

/// <summary>
/// A real HTTP server on a free loopback port standing in for a vendor API that cannot run here (Splunk, Slack, AWS,
/// Bedrock…). Tests give it handlers that answer in the vendor's documented wire format, and assert on
/// <see cref="Requests"/> — what our code actually sent: method, path, headers, body.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponse, Task> Respond)> _handlers = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server; with a certificate it serves HTTPS.</summary>
    public static async Task<FakeHttpServer> StartAsync(X509Certificate2? certificate = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var scheme = certificate is null ? "http" : "https";
        var server = new FakeHttpServer(app, new Uri($"{scheme}://127.0.0.1:{port}/"));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>Answers requests matching <paramref name="match"/> with a fixed status, body and headers.</summary>
    public FakeHttpServer On(Func<RecordedRequest, bool> match, int status, string body = "",
        string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        On(match, async (_, response) =>
        {
            response.StatusCode = status;
            response.ContentType = contentType;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            await response.WriteAsync(body);
        });

    /// <summary>Answers requests matching <paramref name="match"/> by writing the response directly (streams, delays,
    /// a connection dropped half-way). Later handlers win over earlier ones, so a test can override a default.</summary>
    public FakeHttpServer On(Func<RecordedRequest, bool> match, Func<RecordedRequest, HttpResponse, Task> respond)
    {
        lock (_handlers)
        {
            _handlers.Insert(0, (match, respond));
        }

        return this;
    }

    /// <summary>Answers with <paramref name="status"/> and <paramref name="body"/> as <c>application/json</c>.</summary>
    public static Task WriteJsonAsync(HttpResponse response, int status, System.Text.Json.Nodes.JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived (or fails after <paramref name="timeout"/>).</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _requests.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No matching request within {timeout}. Received: {string.Join("; ", _requests.Select(r => $"{r.Method} {r.Path}{r.Query}"))}");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "", headers, body.ToArray());
        _requests.Enqueue(request);
        _arrived.Release();

        Func<RecordedRequest, HttpResponse, Task>? respond;
        lock (_handlers)
        {
            respond = _handlers.FirstOrDefault(h => h.Match(request)).Respond;
        }

        if (respond is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"fake server: no handler for {request.Method} {request.Path}");
            return;
        }

        await respond(request, context.Response);
    }
}
