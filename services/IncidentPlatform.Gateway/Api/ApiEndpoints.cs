using IncidentPlatform.Gateway.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IncidentPlatform.Gateway.Api;

/// <summary>
/// The OpenAPI document of the REST API (<c>/openapi/v1.json</c>), generated from the endpoints' metadata; it needs
/// scope read, like the API it describes. (Unknown routes and wrong methods become 404/405 problem details through the
/// status-code pages of <see cref="GatewayExtensions.MapGateway"/>.)
/// </summary>
internal static class ApiEndpoints
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "IncidentPlatform gateway", Version = "v1",
                Description = "Incidents, alerts, remediations and silences. Authenticate with X-Api-Key (or Authorization: Bearer).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key from Auth:ApiKeys; its scopes (read, write, approve, search, admin) decide what it may do.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).RequireScope(Scopes.Read);
        return app;
    }
}
