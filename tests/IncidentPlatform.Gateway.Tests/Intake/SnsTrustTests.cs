using System.Net;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Intake;

/// <summary>
/// Whose SNS messages count (issue 15 items 1, 8 and 10): SNS validly signs messages of anyone's topic, so only allowed
/// topics (or holders of the token) get in; SHA1 signatures only when configured; failing certificate downloads are
/// not repeated for every message.
/// </summary>
public sealed class SnsTrustTests
{
    [Fact]
    public async Task Post_SignatureVersion1_IsRefusedUnlessAllowed()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        using var response = await SnsWebhookTests.PostAsync(host, pki.Notification("hello", signatureVersion: 1));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldStartWith("SignatureVersion 1 (SHA1) is not accepted");
        (await (await host.Client().GetAsync("/api/incidents")).ReadAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Post_NoTopicAllowlistOrToken_Answers404SayingWhatToConfigure()
    {
        // Nothing under Webhooks:Sns: the endpoint is off rather than open to every topic SNS signs for.
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await SnsWebhookTests.PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("'Webhooks:Sns:AllowedTopicArns'");
        pki.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_SnsConfiguredWithoutTopicAllowlistOrToken_FailsNamingTheSettings()
    {
        await using var pki = await SnsTestPki.StartAsync();
        var configuration = pki.Configuration().Where(c => !c.Key.StartsWith("Webhooks:Sns:AllowedTopicArns", StringComparison.Ordinal));

        var failure = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            async () => await GatewayTestHost.StartAsync(configuration));

        failure.Message.ShouldContain("'Webhooks:Sns' is configured without 'AllowedTopicArns' or 'Token'");
    }

    [Fact]
    public async Task Post_SignedBySnsForAnotherTopic_Answers403AndStoresNothing()
    {
        // An attacker's own topic: SNS signs its messages just as validly.
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        using var response = await SnsWebhookTests.PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json"),
            topicArn: "arn:aws:sns:eu-west-1:999999999999:attacker"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadAsync()).GetProperty("detail").GetString()
            .ShouldBe("Topic 'arn:aws:sns:eu-west-1:999999999999:attacker' is not in Webhooks:Sns:AllowedTopicArns.");
        await Task.Delay(200);
        (await (await host.Client().GetAsync("/api/incidents")).ReadAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Post_CertificateDownloadFails_TheFailureIsRememberedFor30Seconds()
    {
        await using var pki = await SnsTestPki.StartAsync();
        pki.Server.On(r => r.Path.EndsWith(".pem", StringComparison.Ordinal), 500, "down");
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration(),
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));

        using var first = await SnsWebhookTests.PostAsync(host, pki.Notification("one", timestamp: clock.GetUtcNow()));
        using var second = await SnsWebhookTests.PostAsync(host, pki.Notification("two", timestamp: clock.GetUtcNow()));
        var fetchedWithin30Seconds = pki.Server.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(31));
        using var third = await SnsWebhookTests.PostAsync(host, pki.Notification("three", timestamp: clock.GetUtcNow()));

        (first.StatusCode, second.StatusCode, third.StatusCode).ShouldBe(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        (await second.ReadAsync()).GetProperty("detail").GetString().ShouldBe("Downloading the signing certificate answered 500.");
        fetchedWithin30Seconds.ShouldBe(1);
        pki.Server.Requests.Count.ShouldBe(2);
    }
}
