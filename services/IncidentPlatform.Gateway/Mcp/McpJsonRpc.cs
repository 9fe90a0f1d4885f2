using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>Reading JSON-RPC messages from HTTP bodies and writing JSON-RPC errors for requests we refuse.</summary>
internal static class McpJsonRpc
{
    public const int MaxBody = 1024 * 1024;

    /// <summary>The protocol revisions served: every revision the SDK implements (it negotiates within these).</summary>
    public static readonly IReadOnlyList<string> SupportedVersions =
        ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"];

    /// <summary>The first revision that requires the standard <c>Mcp-Method</c>/<c>Mcp-Name</c> headers.</summary>
    public const string StandardHeadersSince = "2026-07-28";

    public static JsonRpcMessage? Parse(ReadOnlySpan<byte> body, out JsonRpcErrorDetail? error)
    {
        error = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = Error(McpErrorCode.ParseError, $"Parse error: the body is not valid JSON ({e.Message})");
            return null;
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            error = Error(McpErrorCode.InvalidRequest, "Invalid Request: JSON-RPC batches are not supported; send one message per POST.");
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            error = Error(McpErrorCode.InvalidRequest, "Invalid Request: expected a JSON-RPC 2.0 object with \"jsonrpc\": \"2.0\".");
            return null;
        }

        try
        {
            var message = root.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessage;
            if (message is null)
            {
                error = Error(McpErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC request, notification or response.");
            }

            return message;
        }
        catch (JsonException e)
        {
            error = Error(McpErrorCode.InvalidRequest, $"Invalid Request: {e.Message}");
            return null;
        }
    }

    public static JsonRpcErrorDetail Error(McpErrorCode code, string message, JsonNode? data = null) =>
        new() { Code = (int)code, Message = message, Data = data };

    /// <summary>Writes a JSON-RPC error (id null unless known) as the HTTP answer.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, JsonRpcErrorDetail error, RequestId id = default)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var message = new JsonRpcError { Id = id, Error = error };
        return JsonSerializer.SerializeAsync(context.Response.Body, message,
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)), context.RequestAborted);
    }

    /// <summary>The HTTP status for a JSON-RPC error answer (SEP-2575 maps some codes to 400).</summary>
    public static int StatusFor(JsonRpcMessage? first) => first is JsonRpcError
    {
        Error.Code: (int)McpErrorCode.UnsupportedProtocolVersion or (int)McpErrorCode.MissingRequiredClientCapability
            or (int)McpErrorCode.HeaderMismatch,
    }
        ? StatusCodes.Status400BadRequest
        : StatusCodes.Status200OK;
}
