namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// The MCP server over Streamable HTTP at <c>/mcp</c>, stateless: every POST carries one JSON-RPC message and gets its
/// answer in the response (SSE when the client accepts <c>text/event-stream</c>, otherwise plain JSON). There is no
/// server-initiated GET stream and no session to delete, so GET and DELETE answer 405 as the specification allows.
/// </summary>
internal static class McpEndpoints
{
    public const string Path = "/mcp";

    public static IEndpointRouteBuilder MapMcpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext context, McpHttpHandler handler) => handler.HandlePostAsync(context))
            .WithName("Mcp")
            .WithSummary("MCP (Streamable HTTP, stateless): one JSON-RPC message per POST.")
            .ExcludeFromDescription();

        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Delete], (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return Problems.Result(StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                "This MCP server is stateless: POST each JSON-RPC message to /mcp. It offers no GET event stream and " +
                "has no sessions to delete.");
        }).ExcludeFromDescription();

        return app;
    }
}
