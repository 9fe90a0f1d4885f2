using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// <c>POST /api/alerts/pagerduty</c>: PagerDuty v3 webhooks, proven by <see cref="PagerDutyAuthentication"/>, answered
/// 202 <c>{alertId}</c> or <c>{ignored}</c>.
/// </summary>
internal static class PagerDutyEndpoint
{
    public static IEndpointRouteBuilder MapPagerDutyWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/pagerduty", HandleAsync)
            .RequireWebhook(PagerDutyAuthentication.Source)
            .WithName("PostPagerDutyEvent")
            .WithSummary("Accept a PagerDuty v3 webhook (X-PagerDuty-Signature verified when secrets are configured).");
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, WebhookIntake intake, IOptions<WebhookOptions> options, TimeProvider time)
    {
        var (webhook, problem) = await JsonBody.ReadAnyAsync(
            request, PagerDutyJsonContext.Default.PagerDutyWebhook, PagerDutyAuthentication.MaxBody, "a PagerDuty webhook");
        if (problem is not null)
        {
            return problem;
        }

        if (webhook!.Event is not { EventType.Length: > 0 } item)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["event"] = ["Required: the event, with its event_type."] });
        }

        var alert = PagerDutyMapper.Map(item, options.Value.PagerDuty, time.GetUtcNow(), out var ignored);
        return alert is null ? WebhookIntake.Ignored(ignored!) : await intake.AcceptOneAsync(alert);
    }
}
