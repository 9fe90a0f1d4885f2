using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Webhooks.PagerDuty;

/// <summary><c>POST /api/alerts/pagerduty</c>: PagerDuty v3 webhooks, answered 202 <c>{alertId}</c> or <c>{ignored}</c>.</summary>
internal static class PagerDutyEndpoint
{
    public const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapPagerDutyWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/pagerduty", HandleAsync)
            .AllowAnonymous()
            .WithName("PostPagerDutyEvent")
            .WithSummary("Accept a PagerDuty v3 webhook (X-PagerDuty-Signature verified when secrets are configured).");
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, WebhookIntake intake, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var settings = options.Value.PagerDuty;
        var secrets = settings.SigningSecrets ?? [];
        if (secrets.Length == 0 && WebhookAuth.Check(context, settings.Token, "PagerDuty") is { } denied)
        {
            return denied;
        }

        var (body, problem) = await RawBody.ReadAsync(context.Request, MaxBody);
        if (problem is not null)
        {
            return problem;
        }

        if (secrets.Length > 0 && !PagerDutySignature.Verify(body!, context.Request.Headers[PagerDutySignature.Header], secrets))
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, "Invalid signature",
                $"The {PagerDutySignature.Header} header has no v1 signature matching a configured signing secret.");
        }

        PagerDutyWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize(body, PagerDutyJsonContext.Default.PagerDutyWebhook);
        }
        catch (JsonException e)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Invalid JSON", $"The body is not a PagerDuty webhook: {e.Message}");
        }

        if (webhook?.Event is not { EventType.Length: > 0 } item)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["event"] = ["Required: the event, with its event_type."] });
        }

        var alert = PagerDutyMapper.Map(item, settings, time.GetUtcNow(), out var ignored);
        return alert is null ? WebhookIntake.Ignored(ignored!) : await intake.AcceptOneAsync(alert, ct);
    }
}
