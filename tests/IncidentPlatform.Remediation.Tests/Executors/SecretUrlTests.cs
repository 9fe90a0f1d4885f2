using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Executors.PagerDuty;
using IncidentPlatform.Remediation.Executors.Webhook;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Remediation.Tests.Executors;

/// <summary>
/// An executor's URL may carry a secret (a webhook token in the query or the path): with the services' defaults, no log
/// line and no span of the call contains it.
/// </summary>
public sealed class SecretUrlTests : FakeServerTest
{
    private readonly string _secret = $"S3CRET{Guid.NewGuid():N}";

    [Fact]
    public async Task Execute_SecretInTheUrl_IsInNoLogLineAndNoSpan()
    {
        Server.On(r => r.Path.Contains(_secret, StringComparison.Ordinal), 200, """{"note":{"id":"PWL7QXS","content":"x"}}""");
        using var telemetry = new CapturedTelemetry();
        await using var host = await RemediationHost.StartAsync(File.ReadAllText(Infrastructure.Policies.SamplePath), new Dictionary<string, string?>
        {
            [$"{WebhookOptions.Section}:Secret"] = "webhook-secret-0123456789",
            [$"{PagerDutyOptions.Section}:BaseUrl"] = $"{Server.BaseAddress}{_secret}/",
            [$"{PagerDutyOptions.Section}:ApiKey"] = "y_NbAkKc66ryYTWUXYEu",
            [$"{PagerDutyOptions.Section}:From"] = "oncall@example.com",
        }, configure: builder =>
        {
            builder.AddServiceDefaults();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(telemetry);
        });
        var webhook = host.Services.GetRequiredService<WebhookExecutor>();
        var note = host.Services.GetRequiredService<PagerDutyNoteExecutor>();

        var called = await webhook.ExecuteAsync(TestExecutors.Run(CatalogActions.HttpWebhook,
            new() { ["url"] = $"{Server.BaseAddress}ops/{_secret}?token={_secret}", ["body"] = "{}" }, false,
            ("allowedUrls", [$"{Server.BaseAddress}ops/"])), CancellationToken.None);
        var noted = await note.ExecuteAsync(TestExecutors.Run(CatalogActions.PagerDutyNote,
            new() { ["incident"] = "PT4KHLK", ["content"] = "Restarted" }), CancellationToken.None);

        called.Success.ShouldBeTrue(called.Error);
        noted.Success.ShouldBeTrue(noted.Error);
        Server.Requests.Count.ShouldBe(2);
        // The fake receiver's own server spans (same process) hold the path it was called on: they are not ours.
        telemetry.Containing(_secret).Where(t => !t.StartsWith("span Microsoft.AspNetCore ", StringComparison.Ordinal)).ShouldBeEmpty();
        telemetry.Lines.Count(l => l.Contains($"HTTP POST {Server.BaseAddress}REDACTED answered 200", StringComparison.Ordinal)).ShouldBe(2);
    }
}
