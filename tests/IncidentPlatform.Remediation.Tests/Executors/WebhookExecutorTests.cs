using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Executors.Webhook;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Executors;

public sealed class WebhookExecutorTests : FakeServerTest
{
    private const string Secret = "webhook-secret-0123456789";
    [Fact]
    public async Task Execute_PostsTheBodySignedWithTheSecretAndTimestamp()
    {
        Server.On(r => r.Path == "/ops/restart", 202, """{"queued":true}""");
        var time = new ManualTimeProvider(TestData.Wednesday10);
        var body = """{"service":"checkout","action":"restart"}""";

        var outcome = await Executor(time).ExecuteAsync(Run(body), CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("""202 Accepted: {"queued":true}""");
        var request = Server.Requests.ShouldHaveSingleItem();
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
        Server.On(_ => true, 403, """{"error":"bad signature"}""");

        var outcome = await Executor(new ManualTimeProvider(TestData.Wednesday10)).ExecuteAsync(Run("{}"), CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("the webhook answered 403");
        outcome.Output.ShouldNotBeNull().ShouldContain("bad signature");
    }

    [Fact]
    public async Task Execute_NoSecret_SendsNothing()
    {
        var executor = new WebhookExecutor(new HttpClient(), Options.Create(new WebhookOptions()), new ManualTimeProvider(TestData.Wednesday10));

        var outcome = await executor.ExecuteAsync(Run("{}"), CancellationToken.None);

        outcome.Error.ShouldBe("Remediation:Webhook:Secret is not configured, so the call cannot be signed");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Execute_NoAnswerInTime_IsUncertainNotFailed()
    {
        Server.On(r => r.Path == "/ops/restart", async (_, response) => await Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted));
        var executor = new WebhookExecutor(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) },
            Options.Create(new WebhookOptions { Secret = Secret }), new ManualTimeProvider(TestData.Wednesday10));

        var outcome = await executor.ExecuteAsync(Run("{}"), CancellationToken.None);

        Server.Requests.ShouldHaveSingleItem();
        (outcome.Success, outcome.Uncertain).ShouldBe((false, true));
        outcome.Error.ShouldNotBeNull().ShouldStartWith("the webhook gave no definite answer");
    }

    [Fact]
    public async Task Execute_NothingListening_IsAFailureNotUncertain()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/ops/";
        var run = TestExecutors.Run(CatalogActions.HttpWebhook, new() { ["url"] = url + "restart", ["body"] = "{}" }, false, ("allowedUrls", [url]));

        var outcome = await Executor(new ManualTimeProvider(TestData.Wednesday10)).ExecuteAsync(run, CancellationToken.None);

        (outcome.Success, outcome.Uncertain).ShouldBe((false, false));
        outcome.Error.ShouldNotBeNull().ShouldStartWith("the webhook could not be reached");
    }

    [Fact]
    public async Task Execute_DryRun_RecordsTheRequestOnly()
    {
        var outcome = await Executor(new ManualTimeProvider(TestData.Wednesday10)).ExecuteAsync(Run("""{"a":1}""", dryRun: true), CancellationToken.None);

        Server.Requests.ShouldBeEmpty();
        outcome.Success.ShouldBeTrue();
        outcome.Request.ShouldNotBeNull().ShouldStartWith($"POST {Server.BaseAddress}ops/restart\n");
        outcome.Request.ShouldEndWith("\n\n{\"a\":1}");
    }

    [Fact]
    public async Task Execute_AllowedHostRedirects_IsNotFollowed()
    {
        Server.On(r => r.Path == "/ops/restart", 302, "", headers: new Dictionary<string, string> { ["Location"] = $"{Server.BaseAddress}latest/meta-data/" });
        Server.On(r => r.Path == "/latest/meta-data/", 200, "secret-role-credentials");
        await using var host = await RemediationHost.StartAsync("rules: []",
            new Dictionary<string, string?> { ["Remediation:Webhook:Secret"] = Secret });
        var executor = host.Services.GetRequiredService<WebhookExecutor>();

        var outcome = await executor.ExecuteAsync(Run("{}"), CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("the webhook answered 302");
        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/ops/restart");
        outcome.Output.ShouldNotBeNull().ShouldNotContain("secret-role-credentials");
    }

    [Fact]
    public async Task Execute_ReplyThatNeverEnds_IsReadOnlyUpToTheCap()
    {
        // 64 KiB, then the body stays open: reading it all would never finish.
        Server.On(r => r.Path == "/ops/restart", async (_, response) =>
        {
            response.ContentType = "text/plain";
            await response.WriteAsync(new string('x', 64 * 1024));
            await response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted);
        });
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var outcome = await Executor(new ManualTimeProvider(TestData.Wednesday10)).ExecuteAsync(Run("{}"), hangGuard.Token);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldNotBeNull().ShouldStartWith("200 OK: xxxxxxxx");
    }

    private WebhookExecutor Executor(TimeProvider time) =>
        new(new HttpClient(), Options.Create(new WebhookOptions { Secret = Secret }), time);

    private ActionRun Run(string body, bool dryRun = false) => TestExecutors.Run(CatalogActions.HttpWebhook,
        new() { ["url"] = $"{Server.BaseAddress}ops/restart", ["body"] = body }, dryRun, ("allowedUrls", [$"{Server.BaseAddress}ops/"]));
}
