using IncidentPlatform.Gateway.Webhooks.Alertmanager;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Webhooks.Grafana;

/// <summary>
/// <c>POST /api/alerts/grafana</c>: Grafana unified alerting's webhook contact point (Alertmanager's shape plus values and
/// dashboard, panel and silence links), one alert per alert, answered 202 <c>{alertIds}</c>. Authenticated by an API key
/// (the contact point's authorization header) or the source token.
/// </summary>
internal static class GrafanaEndpoint
{
    public static IEndpointRouteBuilder MapGrafanaWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/grafana", (HttpContext context, WebhookIntake intake, IOptions<WebhookOptions> options,
                TimeProvider time, CancellationToken ct) =>
                AlertmanagerEndpoint.HandleAsync(context, "grafana", "Grafana", options.Value.Grafana, requireVersion: null, intake, time, ct))
            .AllowAnonymous()
            .WithName("PostGrafanaAlerts")
            .WithSummary("Accept a Grafana alerting webhook notification.");
        return app;
    }
}
