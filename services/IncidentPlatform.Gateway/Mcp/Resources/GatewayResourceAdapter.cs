using IncidentPlatform.Gateway.Auth;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>Serves an <see cref="IMcpResource"/> through the SDK; reading any resource needs the <c>read</c> scope.</summary>
internal sealed class GatewayResourceAdapter(IMcpResource resource) : McpServerResource
{
    public override ResourceTemplate ProtocolResourceTemplate => resource.Template;

    public override Resource? ProtocolResource => Templated ? null : new Resource
    {
        Uri = resource.Template.UriTemplate,
        Name = resource.Template.Name,
        Title = resource.Template.Title,
        Description = resource.Template.Description,
        MimeType = resource.Template.MimeType,
    };

    private bool Templated => resource.Template.UriTemplate.Contains('{', StringComparison.Ordinal);

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => resource.Match(uri) is not null;

    public override async ValueTask<ReadResourceResult> ReadAsync(
        RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP server has no services.");
        var uri = request.Params?.Uri ?? throw new McpProtocolException("A uri is required.", McpErrorCode.InvalidParams);
        var user = McpCaller.Require(request.User, services, Scopes.Read);
        var variables = resource.Match(uri) ?? throw new McpProtocolException($"Unknown resource '{uri}'.", McpErrorCode.InvalidParams);
        return await resource.ReadAsync(new ResourceRead(uri, variables, user, services), cancellationToken);
    }
}
