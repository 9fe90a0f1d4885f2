using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// One stateless Streamable HTTP POST: checks the headers, reads the JSON-RPC message, runs a fresh
/// <see cref="McpServer"/> over <see cref="StreamableHttpServerTransport"/> for it, and answers as SSE or, for clients
/// that accept only <c>application/json</c> (plain <c>curl</c>), as one JSON object.
/// </summary>
internal sealed class McpHttpHandler(McpServerSetup setup, ILoggerFactory loggers)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue EventStream = new("text/event-stream");

    public async Task HandlePostAsync(HttpContext context)
    {
        var request = context.Request;
        var version = request.Headers[McpHeaders.ProtocolVersion].ToString().Trim();
        if (version.Length > 0 && !McpJsonRpc.SupportedVersions.Contains(version))
        {
            var data = new JsonObject
            {
                ["supported"] = new JsonArray([.. McpJsonRpc.SupportedVersions.Select(v => JsonValue.Create(v))]),
                ["requested"] = version,
            };
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status400BadRequest, McpJsonRpc.Error(
                McpErrorCode.UnsupportedProtocolVersion, $"Unsupported MCP-Protocol-Version '{version}'.", data));
            return;
        }

        if (!(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, McpJsonRpc.Error(
                McpErrorCode.InvalidRequest, "Send the JSON-RPC message with 'Content-Type: application/json'."));
            return;
        }

        var streaming = Accepts(request, EventStream, exact: true);
        if (!streaming && !Accepts(request, Json, exact: false))
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, McpJsonRpc.Error(
                McpErrorCode.InvalidRequest, "Not Acceptable: accept application/json or text/event-stream."));
            return;
        }

        if (request.Headers.ContainsKey(McpHeaders.SessionId))
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status400BadRequest, McpJsonRpc.Error(
                McpErrorCode.InvalidRequest, "This server is stateless and issues no sessions: send no Mcp-Session-Id."));
            return;
        }

        var body = await RawBody.ReadUpToAsync(request, McpJsonRpc.MaxBody);
        if (body is null)
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, McpJsonRpc.Error(
                McpErrorCode.InvalidRequest, $"The message is larger than {McpJsonRpc.MaxBody / 1024} KiB."));
            return;
        }

        var message = McpJsonRpc.Parse(body, out var error);
        if (message is null)
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!);
            return;
        }

        if (McpStandardHeaders.Check(request, message, version) is { } mismatch)
        {
            await McpJsonRpc.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                McpJsonRpc.Error(McpErrorCode.HeaderMismatch, mismatch), (message as JsonRpcMessageWithId)?.Id ?? default);
            return;
        }

        message.Context = new JsonRpcMessageContext { User = context.User, ProtocolVersion = version.Length > 0 ? version : null };
        if (streaming)
        {
            await RunStreamingAsync(context, message);
        }
        else
        {
            await RunBufferedAsync(context, message);
        }
    }

    private async Task RunStreamingAsync(HttpContext context, JsonRpcMessage message)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.ContentEncoding = "identity";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        var wrote = await RunAsync(context, message, response.Body, first =>
        {
            response.StatusCode = McpJsonRpc.StatusFor(first);
            return ValueTask.CompletedTask;
        });
        if (!wrote)
        {
            response.Headers.ContentType = (string?)null;
            response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    private async Task RunBufferedAsync(HttpContext context, JsonRpcMessage message)
    {
        using var buffer = new MemoryStream();
        var wrote = await RunAsync(context, message, buffer, _ => ValueTask.CompletedTask);
        var answer = wrote ? LastAnswer(buffer) : null;
        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        context.Response.StatusCode = McpJsonRpc.StatusFor(
            JsonSerializer.Deserialize(answer, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessage);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer), context.RequestAborted);
    }

    private async Task<bool> RunAsync(
        HttpContext context, JsonRpcMessage message, Stream output, Func<JsonRpcMessage?, ValueTask> onFirstMessage)
    {
        await using var transport = new StreamableHttpServerTransport(loggers) { Stateless = true };
        await using var server = McpServer.Create(transport, setup.CreateOptions(scopeRequests: false), loggers, context.RequestServices);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var running = server.RunAsync(stop.Token);
        try
        {
            return await transport.HandlePostRequestAsync(message, output, onFirstMessage, context.RequestAborted);
        }
        finally
        {
            await transport.DisposeAsync();
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // The server stops when the request is answered.
            }
        }
    }

    /// <summary>The last JSON-RPC response or error in an SSE body (progress notifications before it are dropped).</summary>
    private static string? LastAnswer(MemoryStream sse)
    {
        sse.Position = 0;
        string? answer = null;
        foreach (var item in SseParser.Create(sse).Enumerate())
        {
            if (item.EventType == "message" && item.Data.Contains("\"id\"", StringComparison.Ordinal) &&
                (item.Data.Contains("\"result\"", StringComparison.Ordinal) || item.Data.Contains("\"error\"", StringComparison.Ordinal)))
            {
                answer = item.Data;
            }
        }

        return answer;
    }

    // SSE only when asked for by name; "*/*" (curl's default) or no Accept gets plain JSON.
    private static bool Accepts(HttpRequest request, MediaTypeHeaderValue type, bool exact)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return !exact;
        }

        return accept.Any(a => a.Quality is not 0 &&
            (exact ? a.MediaType.Equals(type.MediaType, StringComparison.OrdinalIgnoreCase) : type.IsSubsetOf(a)));
    }
}
