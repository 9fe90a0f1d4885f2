using IncidentPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// <c>POST /api/slack/interactions</c>: Slack's interactivity request URL. Authenticated by Slack's request signature
/// instead of an API key; a verified Approve/Reject click is queued and acknowledged at once.
/// </summary>
internal static class SlackEndpoints
{
    public const string Path = "/api/slack/interactions";
    private const int MaxBody = 1024 * 1024;

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
        return services;
    }

    public static IEndpointRouteBuilder MapSlackInteractions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async Task<IResult> (HttpRequest request, IOptions<SlackOptions> options, SlackDecisionQueue queue,
            TimeProvider time, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var secret = options.Value.SigningSecret;
            if (string.IsNullOrWhiteSpace(secret))
            {
                return Problems.Result(StatusCodes.Status404NotFound, "Not configured",
                    $"Slack interactivity is off: set '{SlackOptions.Section}:SigningSecret' to the Slack app's signing secret.");
            }

            var body = await RawBody.ReadUpToAsync(request, MaxBody);
            if (body is null)
            {
                return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body is larger than {MaxBody} bytes.");
            }

            var refusal = SlackSignature.Verify(secret, request.Headers[SlackSignature.TimestampHeader],
                request.Headers[SlackSignature.SignatureHeader], body, time.GetUtcNow(), options.Value.ReplayWindow);
            if (refusal is not null)
            {
                loggers.CreateLogger(typeof(SlackEndpoints)).LogWarning("Slack interaction refused: {Reason}", refusal);
                return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized", refusal);
            }

            var (decision, error) = SlackPayloadParser.Parse(body);
            if (error is not null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad request", error);
            }

            if (decision is not null && !queue.TryEnqueue(decision))
            {
                return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many decisions are waiting; click again shortly.");
            }

            return TypedResults.Ok();
        }).AllowAnonymous().DisableAntiforgery().WithName("SlackInteractions")
            .WithSummary("Slack interactivity: Approve/Reject buttons (signed by Slack, no API key).");
        return app;
    }
}
