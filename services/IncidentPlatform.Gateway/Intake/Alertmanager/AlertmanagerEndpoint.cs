using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Alertmanager;

/// <summary>
/// <c>POST /api/alerts/alertmanager</c>: Alertmanager's webhook (version 4), one alert per alert of the group, answered
/// 202 <c>{alertIds}</c>. Proven by an API key (Alertmanager's <c>http_config.authorization</c>) or the source token.
/// </summary>
internal static class AlertmanagerEndpoint
{
    public const string Source = "Alertmanager";
    public const int MaxBody = 1024 * 1024;

    public static IEndpointRouteBuilder MapAlertmanagerWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/alertmanager", (HttpRequest request, WebhookIntake intake, IOptions<WebhookOptions> options,
                TimeProvider time) =>
                HandleAsync(request, "alertmanager", options.Value.Alertmanager, requireVersion: "4", intake, time))
            .RequireWebhook(Source)
            .WithName("PostAlertmanagerAlerts")
            .WithSummary("Accept an Alertmanager webhook notification (version 4).");
        return app;
    }

    /// <summary>Shared by the Alertmanager and Grafana endpoints.</summary>
    internal static async Task<IResult> HandleAsync(HttpRequest request, string source, LabelledSourceOptions options,
        string? requireVersion, WebhookIntake intake, TimeProvider time)
    {
        var (payload, problem) = await JsonBody.ReadAsync(request, AlertmanagerJsonContext.Default.AlertmanagerPayload, MaxBody);
        if (problem is not null)
        {
            return problem;
        }

        if (requireVersion is not null && payload!.Version != requireVersion)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["version"] = [$"Unsupported webhook version '{payload.Version}': this endpoint reads version {requireVersion}."],
            });
        }

        var errors = AlertmanagerMapper.Map(payload!, source, options, time.GetUtcNow(), out var alerts);
        return errors.Count > 0 ? Problems.Validation(errors) : await intake.AcceptAllAsync(alerts);
    }
}
