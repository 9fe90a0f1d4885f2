using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// Two things the SDK's Streamable HTTP endpoint leaves to its host, added as conventions around it:
/// <list type="bullet">
/// <item>A bound on the message size, refused with a JSON-RPC error (413) before the SDK reads an unbounded body.</item>
/// <item>Plain JSON for clients that do not ask for an event stream (<c>curl</c>, whose default is <c>*/*</c>, or an
/// <c>Accept: application/json</c> client). The SDK insists on both media types and always answers as SSE; the
/// specification lets a server answer with one JSON object instead and the SDK has no switch for it, so the SDK
/// answers into a buffer and the JSON-RPC answer in it goes out as <c>application/json</c>. Clients that name
/// <c>text/event-stream</c> get the SDK's answer untouched.</item>
/// </list>
/// </summary>
internal static class McpHttpConventions
{
    private const string EventStream = "text/event-stream";

    public static TBuilder LimitMessageSize<TBuilder>(this TBuilder builder, long limit) where TBuilder : IEndpointConventionBuilder =>
        builder.Wrap(async (context, inner) =>
        {
            var tooLarge = $"The message is larger than {limit / 1024} KiB.";
            if (context.Request.ContentLength > limit)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, tooLarge);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            try
            {
                await inner(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, tooLarge);
            }
        });

    public static TBuilder AnswerJsonOnlyClients<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Wrap((context, inner) => WantsPlainJson(context.Request) ? AnswerAsJsonAsync(context, inner) : inner(context));

    private static TBuilder Wrap<TBuilder>(this TBuilder builder, Func<HttpContext, RequestDelegate, Task> around)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = context => HttpMethods.IsPost(context.Request.Method) ? around(context, inner) : inner(context);
            }
        });
        return builder;
    }

    private static bool WantsPlainJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || (!accept.Any(a => a.Quality is not 0 && a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase)) &&
                                     accept.Any(a => a.Quality is not 0 && a.MatchesMediaType("application/json")));
    }

    private static async Task AnswerAsJsonAsync(HttpContext context, RequestDelegate inner)
    {
        context.Request.Headers.Accept = $"application/json, {EventStream}";
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await inner(context);
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        buffer.Position = 0;
        if (response.ContentType?.StartsWith(EventStream, StringComparison.OrdinalIgnoreCase) != true)
        {
            await buffer.CopyToAsync(response.Body, context.RequestAborted);
            return;
        }

        response.Headers.Remove(HeaderNames.CacheControl);
        response.Headers.Remove(HeaderNames.ContentEncoding);
        response.Headers.Remove("X-Accel-Buffering");
        if (LastAnswer(buffer) is not { } answer)
        {
            response.ContentType = null;
            response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        response.ContentType = "application/json";
        await response.WriteAsync(answer, context.RequestAborted);
    }

    // The JSON-RPC response or error in the event stream (notifications such as progress before it are dropped).
    private static string? LastAnswer(Stream sse)
    {
        string? answer = null;
        foreach (var item in SseParser.Create(sse).Enumerate().Where(i => i.Data.StartsWith('{')))
        {
            using var message = JsonDocument.Parse(item.Data);
            var root = message.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out _) &&
                (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                answer = item.Data;
            }
        }

        return answer;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidRequest, Message = message } };
        return JsonSerializer.SerializeAsync(context.Response.Body, error,
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)), context.RequestAborted);
    }
}
