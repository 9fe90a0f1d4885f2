using IncidentPlatform.Gateway.Intake.Alertmanager;
using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Grafana;

/// <summary>
/// <c>POST /api/alerts/grafana</c>: Grafana unified alerting's webhook contact point (Alertmanager's shape plus values and
/// dashboard, panel and silence links), one alert per alert, answered 202 <c>{alertIds}</c>. Proven by an API key
/// (the contact point's authorization header) or the source token.
/// </summary>
internal static class GrafanaEndpoint
{
    public const string Source = "Grafana";

    public static IEndpointRouteBuilder MapGrafanaWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/grafana", (HttpRequest request, WebhookIntake intake, IOptions<WebhookOptions> options,
                TimeProvider time) =>
                AlertmanagerEndpoint.HandleAsync(request, "grafana", options.Value.Grafana, requireVersion: null, intake, time))
            .RequireWebhook(Source)
            .WithName("PostGrafanaAlerts")
            .WithSummary("Accept a Grafana alerting webhook notification.");
        return app;
    }
}
