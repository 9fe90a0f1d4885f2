using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Remediation.Webhooks;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Actions;

public sealed class WebhookExecutorTests : IAsyncLifetime
{
    private const string Secret = "webhook-secret-0123456789";
    private FakeHttpServer _hook = null!;

    public async ValueTask InitializeAsync() => _hook = await FakeHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _hook.DisposeAsync();

    [Fact]
    public async Task Execute_PostsTheBodySignedWithTheSecretAndTimestamp()
    {
        _hook.On(r => r.Path == "/ops/restart", 202, """{"queued":true}""");
        var time = new FakeTime();
        var body = """{"service":"checkout","action":"restart"}""";

        var outcome = await Executor(time).ExecuteAsync(Run(body), CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("""202 Accepted: {"queued":true}""");
        var request = _hook.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("Content-Type").ShouldBe("application/json");
        request.BodyText.ShouldBe(body);
        var timestamp = request.Header("X-IncidentPlatform-Timestamp");
        timestamp.ShouldBe(time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        request.Header("X-IncidentPlatform-Signature").ShouldBe(expected);
        request.Header("X-IncidentPlatform-Remediation").ShouldStartWith("rem-");
        outcome.Request.ShouldNotBeNull().ShouldContain("sha256=<redacted>");
        outcome.Request.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Execute_ErrorStatus_IsAFailure()
    {
        _hook.On(_ => true, 403, """{"error":"bad signature"}""");

        var outcome = await Executor(new FakeTime()).ExecuteAsync(Run("{}"), CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("the webhook answered 403");
        outcome.Output.ShouldNotBeNull().ShouldContain("bad signature");
    }

    [Fact]
    public async Task Execute_NoSecret_SendsNothing()
    {
        var executor = new WebhookExecutor(new HttpClient(), Options.Create(new WebhookOptions()), new FakeTime());

        var outcome = await executor.ExecuteAsync(Run("{}"), CancellationToken.None);

        outcome.Error.ShouldBe("Remediation:Webhook:Secret is not configured, so the call cannot be signed");
        _hook.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Execute_DryRun_RecordsTheRequestOnly()
    {
        var outcome = await Executor(new FakeTime()).ExecuteAsync(Run("""{"a":1}""", dryRun: true), CancellationToken.None);

        _hook.Requests.ShouldBeEmpty();
        outcome.Success.ShouldBeTrue();
        outcome.Request.ShouldNotBeNull().ShouldStartWith($"POST {_hook.BaseAddress}ops/restart\n");
        outcome.Request.ShouldEndWith("\n\n{\"a\":1}");
    }

    private WebhookExecutor Executor(TimeProvider time) =>
        new(new HttpClient(), Options.Create(new WebhookOptions { Secret = Secret }), time);

    private Execution.ActionRun Run(string body, bool dryRun = false) => Executors.Run(CatalogActions.HttpWebhook,
        new() { ["url"] = $"{_hook.BaseAddress}ops/restart", ["body"] = body }, dryRun, ("allowedUrls", [$"{_hook.BaseAddress}ops/"]));
}
