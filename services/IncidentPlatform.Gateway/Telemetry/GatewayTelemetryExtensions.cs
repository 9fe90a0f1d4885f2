using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IncidentPlatform.Gateway.Telemetry;

/// <summary>Where the gateway's counters observe requests without each endpoint doing it.</summary>
internal static class GatewayTelemetryExtensions
{
    private const string AlertsPath = "/api/alerts";

    /// <summary>The gateway's instruments, and authorization failures counted whatever the scheme.</summary>
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services) => services
        .AddSingleton<GatewayTelemetry>()
        .AddSingleton<IAuthorizationMiddlewareResultHandler, AuthFailureMetrics>();

    /// <summary>Counts alert deliveries (<c>POST /api/alerts</c> and the vendor webhooks under it) answered with an error.</summary>
    public static WebApplication UseAlertRejectionMetrics(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(AlertsPath) &&
                context.Response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                context.RequestServices.GetRequiredService<GatewayTelemetry>().Rejected(route, context.Response.StatusCode);
            }
        });
        return app;
    }

    /// <summary>The default authorization outcome (challenge or forbid through the scheme), counted.</summary>
    private sealed class AuthFailureMetrics(GatewayTelemetry telemetry) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Challenged)
            {
                telemetry.AuthFailed("unauthenticated");
            }
            else if (authorizeResult.Forbidden)
            {
                telemetry.AuthFailed("forbidden");
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
