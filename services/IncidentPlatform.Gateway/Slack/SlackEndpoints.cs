using IncidentPlatform.Gateway.Intake.Authentication;
using IncidentPlatform.ServiceDefaults.Http;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// <c>POST /api/slack/interactions</c>: Slack's interactivity request URL, proven by Slack's request signature
/// (<see cref="SlackAuthentication"/>) instead of an API key; a verified Approve/Reject click is stored durably
/// (<see cref="SlackDecisionQueue"/>) and then acknowledged, so a gateway that dies after Slack's 200 loses no decision;
/// when the store cannot keep it, Slack gets a 503 and the user sees the click fail.
/// </summary>
internal static class SlackEndpoints
{
    public const string Path = "/api/slack/interactions";

    public static IServiceCollection AddSlackInteractivity(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section)
            .Validate(o => o.ReplayWindow > TimeSpan.Zero && o.ReplayWindow <= TimeSpan.FromHours(1),
                $"'{SlackOptions.Section}:ReplayWindow' must be a positive time of at most an hour (Slack recommends 00:05:00).")
            .ValidateOnStart();
        services.AddSingleton<SlackDecisionQueue>();
        services.AddHostedService<SlackDecisionWorker>();
        // A retried reply to a response_url could show twice: each is sent once (10 s per attempt, the handler's).
        services.AddHttpClient(SlackDecisionWorker.ClientName).WithoutRetries();
        services.AddAuthentication().AddWebhook(SlackAuthentication.Source, SlackAuthentication.VerifyAsync);
        return services;
    }

    public static IEndpointRouteBuilder MapSlackInteractions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async Task<IResult> (HttpRequest request, SlackDecisionQueue queue) =>
        {
            var (body, problem) = await RawBody.ReadAsync(request, SlackAuthentication.MaxBody, allowEmpty: true);
            var (decision, error) = problem is null ? SlackPayloadParser.Parse(body) : (null, null);
            if (problem is not null || error is not null)
            {
                return problem ?? Problems.Result(StatusCodes.Status400BadRequest, "Bad request", error!);
            }

            if (decision is null)
            {
                return TypedResults.Ok();
            }

            try
            {
                await queue.AddAsync(decision);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                request.HttpContext.RequestServices.GetRequiredService<ILogger<SlackDecisionQueue>>()
                    .LogError(e, "The Slack click on {RemediationId} could not be stored", decision.RemediationId);
                return Problems.Unavailable("Not recorded", "The decision could not be stored; click again shortly.", TimeSpan.FromSeconds(5));
            }

            return TypedResults.Ok();
        }).RequireWebhook(SlackAuthentication.Source).DisableAntiforgery().WithName("SlackInteractions")
            .WithSummary("Slack interactivity: Approve/Reject buttons (signed by Slack, no API key).");
        return app;
    }
}
