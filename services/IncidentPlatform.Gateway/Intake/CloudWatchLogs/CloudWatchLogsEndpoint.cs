using System.Globalization;
using IncidentPlatform.Gateway.Inbox;
using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>
/// <c>POST /api/alerts/cloudwatch-logs</c>: CloudWatch Logs subscription data, through an Amazon Data Firehose HTTP
/// endpoint (answered in Firehose's format: 200 <c>{requestId, timestamp}</c>, errors with <c>errorMessage</c>) or
/// forwarded directly (the Lambda <c>awslogs</c> envelope, raw gzip, base64 of gzip, or the payload JSON; answered 202
/// <c>{batchIds, events}</c>). Control messages are ignored. A body that decompresses past the limit gets 413.
/// </summary>
internal static class CloudWatchLogsEndpoint
{
    public const string Source = "CloudWatchLogs";
    public const string FirehoseAccessKeyHeader = "X-Amz-Firehose-Access-Key";
    private const string FirehoseRequestIdHeader = "X-Amz-Firehose-Request-Id";

    public static IEndpointRouteBuilder MapCloudWatchLogsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/cloudwatch-logs", HandleAsync)
            .RequireWebhook(Source)
            .WithName("PostCloudWatchLogs")
            .WithSummary("Accept CloudWatch Logs subscription data (Firehose HTTP endpoint or direct); lines go to the detector.");
        return app;
    }

    /// <summary>The proof (scheme <c>Webhook:CloudWatchLogs</c>): an API key or the token, which Firehose sends as its access key.</summary>
    public static async Task<WebhookVerdict> VerifyAsync(HttpContext context)
    {
        var token = context.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.CloudWatchLogs.Token;
        var verdict = await WebhookCredentials.ApiKeyOrTokenAsync(context, Source, token, FirehoseAccessKeyHeader);
        return verdict.Refusal is null || FirehoseRequestId(context.Request) is not { } firehoseId
            ? verdict
            : WebhookVerdict.Refused(FirehoseError(context, firehoseId, StatusCodes.Status401Unauthorized, "Unauthorized: the access key is not valid."));
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, LogBatchIntake intake, IOptions<WebhookOptions> options, TimeProvider time)
    {
        var settings = options.Value.CloudWatchLogs;
        var firehoseId = FirehoseRequestId(context.Request);
        IResult Fail(int status, string title, string detail) => firehoseId is null
            ? Problems.Result(status, title, detail)
            : FirehoseError(context, firehoseId, status, detail);

        var (body, tooBig) = await RawBody.ReadAsync(context.Request, settings.MaxBodyBytes);
        if (tooBig is not null)
        {
            return firehoseId is null ? tooBig : Fail(StatusCodes.Status413PayloadTooLarge, "", "The body is too large.");
        }

        string? requestId;
        IReadOnlyList<CloudWatchLogsPayload> payloads;
        try
        {
            var gzip = new BoundedGzip(settings.MaxDecompressedBytes);
            if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                body = gzip.Decompress(body!);
            }

            (requestId, payloads) = LogsPayloadReader.Read(body!, gzip);
        }
        catch (DecompressionLimitException e)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Body too large", e.Message);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return Fail(StatusCodes.Status400BadRequest, "Invalid body", e.Message);
        }

        (IReadOnlyList<string> BatchIds, int Events) accepted;
        try
        {
            accepted = await intake.PublishAsync(payloads);
        }
        catch (InboxUnavailableException e)
        {
            context.Response.Headers.RetryAfter = ((int)InboxUnavailableException.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Fail(StatusCodes.Status503ServiceUnavailable, "Not accepted", $"{e.Message} Batches accepted before stay accepted.");
        }

        return requestId is not null || firehoseId is not null
            ? TypedResults.Json(new FirehoseResponse(requestId is { Length: > 0 } ? requestId : firehoseId ?? "",
                time.GetUtcNow().ToUnixTimeMilliseconds()), CloudWatchLogsJsonContext.Default.FirehoseResponse)
            : TypedResults.Json(new LogsAccepted(accepted.BatchIds, accepted.Events), CloudWatchLogsJsonContext.Default.LogsAccepted,
                statusCode: StatusCodes.Status202Accepted);
    }

    private static string? FirehoseRequestId(HttpRequest request) =>
        request.Headers[FirehoseRequestIdHeader].ToString() is { Length: > 0 } id ? id : null;

    // Firehose reads errors in its own format: {requestId, timestamp, errorMessage}.
    private static IResult FirehoseError(HttpContext context, string requestId, int status, string message) =>
        TypedResults.Json(new FirehoseResponse(requestId, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()
            .ToUnixTimeMilliseconds(), message), CloudWatchLogsJsonContext.Default.FirehoseResponse, statusCode: status);
}
