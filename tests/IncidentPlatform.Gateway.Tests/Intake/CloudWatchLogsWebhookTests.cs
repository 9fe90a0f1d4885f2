using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class CloudWatchLogsWebhookTests
{
    private const string Token = "logs-access-key-0123456789abcdef";

    [Fact]
    public async Task Post_FirehoseDelivery_AnswersInFirehoseFormatAndPublishesTheLines()
    {
        await using var host = await StartAsync();
        var (request, requestId) = Firehose(TestData.Read("cloudwatch-logs-data.json"));

        using var response = await host.Client(apiKey: null).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.ReadAsync();
        body.GetProperty("requestId").GetString().ShouldBe(requestId);
        body.GetProperty("timestamp").GetInt64().ShouldBeGreaterThan(0);
        var batch = (await CollectedAsync(host, 1)).Single();
        batch.Source.ShouldBe("cloudwatch-logs");
        batch.Service.ShouldBe("checkout");
        batch.Labels["logGroup"].ShouldBe("/aws/ecs/checkout");
        batch.Labels["subscriptionFilters"].ShouldBe("errors-to-incident-platform");
        batch.Events.Count.ShouldBe(3);
        batch.Events[0].Message.ShouldBe("2026-11-21T07:59:00.000Z ERROR Connection to 10.0.3.17:5432 timed out after 3000 ms");
        batch.Events[0].Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 21, 7, 59, 0, TimeSpan.Zero));
        batch.Events[0].Id.ShouldBe("37805931839547206104558596371366473553223315829364948992");
    }

    [Fact]
    public async Task Post_FirehoseRetry_PublishesTheLinesOnce()
    {
        await using var host = await StartAsync();
        var data = TestData.Read("cloudwatch-logs-data.json");

        (await host.Client(apiKey: null).SendAsync(Firehose(data, "req-1").Request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client(apiKey: null).SendAsync(Firehose(data, "req-1").Request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await CollectedAsync(host, 1);
        await Task.Delay(200);
        host.Services.GetRequiredService<Collected<LogEventsReceived>>().Messages.Count.ShouldBe(1);
    }

    // "awslogs": the event a subscription filter hands a Lambda function, posted on unchanged by a forwarder.
    [Theory]
    [InlineData("gzip")]
    [InlineData("base64")]
    [InlineData("json")]
    [InlineData("awslogs")]
    public async Task Post_DirectDelivery_Returns202WithBatches(string encoding)
    {
        await using var host = await StartAsync();
        var payload = TestData.Read("cloudwatch-logs-data.json");
        HttpContent content = encoding switch
        {
            "gzip" => new ByteArrayContent(TestData.Gzip(payload)),
            "base64" => new StringContent(Convert.ToBase64String(TestData.Gzip(payload)), Encoding.ASCII, "text/plain"),
            "awslogs" => Wire.Body(new JsonObject { ["awslogs"] = new JsonObject { ["data"] = Convert.ToBase64String(TestData.Gzip(payload)) } }
                .ToJsonString()),
            _ => Wire.Body(payload),
        };

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/alerts/cloudwatch-logs", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.ReadAsync();
        body.GetProperty("events").GetInt32().ShouldBe(3);
        body.GetProperty("batchIds").GetArrayLength().ShouldBe(1);
        (await CollectedAsync(host, 1)).Single().Events.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Post_ControlMessage_IsIgnored()
    {
        await using var host = await StartAsync();

        using var response = await host.Client(apiKey: null).SendAsync(Firehose(TestData.Read("cloudwatch-logs-control.json")).Request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(200);
        host.Services.GetRequiredService<Collected<LogEventsReceived>>().Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_LargeDelivery_IsSplitIntoMessagesOfBoundedSize()
    {
        await using var host = await StartAsync([new("Webhooks:CloudWatchLogs:MaxEventsPerMessage", "2")]);
        var payload = JsonNode.Parse(TestData.Read("cloudwatch-logs-data.json"))!;

        var body = await (await host.Client(TestKeys.Writer).PostAsync("/api/alerts/cloudwatch-logs",
            new ByteArrayContent(TestData.Gzip(payload.ToJsonString())))).ReadAsync();

        body.GetProperty("batchIds").GetArrayLength().ShouldBe(2);
        (await CollectedAsync(host, 2)).Select(b => b.Events.Count).Order().ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Post_GzipBomb_Returns413()
    {
        await using var host = await StartAsync([new("Webhooks:CloudWatchLogs:MaxDecompressedBytes", (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var bomb = TestData.GzipOfZeros(64L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        using var direct = await host.Client(TestKeys.Writer).PostAsync("/api/alerts/cloudwatch-logs", new ByteArrayContent(bomb));
        var (viaFirehose, _) = Firehose(Convert.ToBase64String(bomb), base64Data: true);
        using var firehose = await host.Client(apiKey: null).SendAsync(viaFirehose);

        direct.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        firehose.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await firehose.ReadAsync()).GetProperty("errorMessage").GetString()!.ShouldContain("decompresses to more than 4 MiB");
    }

    [Fact]
    public async Task Post_GzipContentEncodingOnTheWholeRequest_IsUndone()
    {
        await using var host = await StartAsync();
        var (plain, requestId) = Firehose(TestData.Read("cloudwatch-logs-data.json"));
        var compressed = TestData.Gzip(await plain.Content!.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/cloudwatch-logs") { Content = new ByteArrayContent(compressed) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Add("X-Amz-Firehose-Request-Id", requestId);
        request.Headers.Add("X-Amz-Firehose-Access-Key", Token);

        using var response = await host.Client(apiKey: null).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CollectedAsync(host, 1)).Single().Events.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Post_WrongAccessKey_Returns401InTheSendersFormat()
    {
        await using var host = await StartAsync();
        var (firehose, requestId) = Firehose(TestData.Read("cloudwatch-logs-data.json"), accessKey: "not-the-access-key-000000");

        using var viaFirehose = await host.Client(apiKey: null).SendAsync(firehose);
        using var direct = await host.Client(apiKey: null).PostAsync("/api/alerts/cloudwatch-logs", Wire.Body(TestData.Read("cloudwatch-logs-data.json")));

        viaFirehose.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await viaFirehose.ReadAsync()).GetProperty("requestId").GetString().ShouldBe(requestId);
        direct.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        direct.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("{\"awslogs\": {}}")]
    [InlineData("{\"awslogs\": {\"data\": \"not base64!\"}}")]
    [InlineData("{\"awslogs\": {\"data\": \"eyJtZXNzYWdlVHlwZSI6IkRBVEFfTUVTU0FHRSJ9\"}}")]
    public async Task Post_NotCloudWatchLogs_Returns400(string body)
    {
        await using var host = await StartAsync();

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/alerts/cloudwatch-logs", new StringContent(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static Task<GatewayTestHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? configuration = null) =>
        GatewayTestHost.StartAsync([new("Webhooks:CloudWatchLogs:Token", Token), .. configuration ?? []],
            Collected<LogEventsReceived>.Register, Collected<LogEventsReceived>.Consume);

    // A delivery as Firehose's HTTP endpoint destination sends it: the payload gzipped and base64'd in a record.
    private static (HttpRequestMessage Request, string RequestId) Firehose(string payload, string? requestId = null,
        string accessKey = Token, bool base64Data = false)
    {
        requestId ??= Guid.NewGuid().ToString();
        var data = base64Data ? payload : Convert.ToBase64String(TestData.Gzip(payload));
        var body = new JsonObject
        {
            ["requestId"] = requestId,
            ["timestamp"] = 1795247943000L,
            ["records"] = new JsonArray(new JsonObject { ["data"] = data }),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/cloudwatch-logs") { Content = Wire.Body(body.ToJsonString()) };
        request.Headers.Add("X-Amz-Firehose-Protocol-Version", "1.0");
        request.Headers.Add("X-Amz-Firehose-Request-Id", requestId);
        request.Headers.Add("X-Amz-Firehose-Source-Arn", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs-to-incident-platform");
        request.Headers.Add("X-Amz-Firehose-Access-Key", accessKey);
        return (request, requestId);
    }

    private static async Task<IReadOnlyList<LogEventsReceived>> CollectedAsync(GatewayTestHost host, int count)
    {
        var collected = host.Services.GetRequiredService<Collected<LogEventsReceived>>();
        return await Eventually.GetAsync(() => Task.FromResult<IReadOnlyList<LogEventsReceived>>([.. collected.Messages]), m => m.Count >= count);
    }
}
