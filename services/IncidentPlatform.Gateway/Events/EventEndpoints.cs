using System.Text;
using System.Text.Json;
using IncidentPlatform.Gateway.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Events;

/// <summary>
/// <c>GET /api/events</c> (scope read): a server-sent event stream of incident events, <c>event: incident</c> with the
/// event as JSON, and a comment every 15 s to keep proxies from closing it. Clients send their API key as a header
/// (the UI reads the stream with fetch), never in the URL.
/// </summary>
internal static class EventEndpoints
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", async (HttpContext context, IncidentEventHub hub, IOptions<JsonOptions> json, TimeProvider time) =>
        {
            var response = context.Response;
            response.Headers.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache,no-store";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
            using var subscription = hub.Subscribe();
            var type = json.Value.SerializerOptions.GetTypeInfo(typeof(IncidentEvent));
            var ct = context.RequestAborted;
            await response.WriteAsync(": connected\n\n", ct);
            await response.Body.FlushAsync(ct);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(Heartbeat);
                    string frame;
                    try
                    {
                        var next = await subscription.Reader.ReadAsync(wait.Token);
                        frame = $"event: incident\ndata: {JsonSerializer.Serialize(next, type)}\n\n";
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        frame = $": {time.GetUtcNow():O}\n\n";
                    }

                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), ct);
                    await response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away.
            }
        }).RequireScope(Scopes.Read).WithName("IncidentEvents")
          .WithSummary("Server-sent events: every incident event, live (send the API key as a header).");
        return app;
    }
}
