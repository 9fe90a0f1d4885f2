using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;
using IncidentPlatform.Testing.Telemetry;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Tests.Channels;

/// <summary>
/// A channel's URL can be its credential (Slack and Teams webhooks carry the secret in the path, a webhook may take a
/// token in its query): no log line and no span of a send may contain it.
/// </summary>
public sealed class SecretUrlTests
{
    [Theory]
    [InlineData("slack-webhook", "/services/T0/B0/", 200, "ok", "text/plain")]
    [InlineData("teams", "/workflows/", 202, "", "text/plain")]
    [InlineData("webhook", "/hook/", 200, "", "text/plain")]
    [InlineData("pagerduty", "/v2/enqueue/", 202, """{"status":"success","message":"Event processed","dedup_key":"k"}""", "application/json")]
    public async Task Send_SecretInTheUrl_IsInNoLogLineAndNoSpan(string type, string path, int status, string body, string contentType)
    {
        var secret = $"S3CRET{Guid.NewGuid():N}";
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == path + secret && r.Query == $"?token={secret}", status, body, contentType);
        using var telemetry = new CapturedTelemetry();
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops", type,
            ("Url", new Uri(fake.BaseAddress, $"{path.TrimStart('/')}{secret}?token={secret}").ToString()),
            ("RoutingKey", "R0UT1NGKEY"), ("Secret", "s3cret-signing-key"), ("CoalesceWindow", "00:00:00")),
            configure: builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(telemetry);
            });
        var incident = await host.OpenAsync(TestData.Incident());

        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.ShouldHaveSingleItem().Path.ShouldEndWith(secret);
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
        // The fake receiver's own server spans (same process) hold the path it was called on: they are not ours.
        telemetry.Containing(secret).Where(t => !t.StartsWith("span Microsoft.AspNetCore ", StringComparison.Ordinal)).ShouldBeEmpty();
        telemetry.Lines.ShouldContain(l => l.Contains($"HTTP POST {fake.BaseAddress}REDACTED answered {status}", StringComparison.Ordinal));
        telemetry.Spans.ShouldContain(s => s.Contains($"url.full={fake.BaseAddress}REDACTED", StringComparison.Ordinal));
    }
}
