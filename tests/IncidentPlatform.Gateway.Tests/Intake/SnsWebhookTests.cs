using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class SnsWebhookTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Post_SignedAlarm_OpensIncidentForTheAlarm(int signatureVersion)
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration(("Webhooks:Sns:AllowSignatureVersion1", "true")));
        using var client = host.Client(TestKeys.Reader);

        using var response = await PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json"),
            "ALARM: \"checkout-cpu-high\" in EU (Ireland)", signatureVersion));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.ReadAsync()).GetProperty("alertId").GetString()!.ShouldStartWith("alt-");
        var incident = (await IncidentApi.WaitForAsync(client, 1)).Single();
        incident.GetProperty("fingerprint").GetString().ShouldBe("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-cpu-high");
        incident.GetProperty("source").GetString().ShouldBe("cloudwatch");
        incident.GetProperty("service").GetString().ShouldBe("checkout");
        incident.GetProperty("severity").GetString().ShouldBe("high");
        var certificateRequest = pki.Server.Requests.ShouldHaveSingleItem();
        certificateRequest.Method.ShouldBe("GET");
        certificateRequest.Path.ShouldBe("/SimpleNotificationService-test.pem");
    }

    [Fact]
    public async Task Post_AlarmThenOk_ResolvesTheIncident_AndTheCertificateIsFetchedOnce()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());
        using var client = host.Client(TestKeys.Reader);
        await PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json")));
        await IncidentApi.WaitForAsync(client, 1);

        (await PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-ok.json")))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var incident = (await IncidentApi.WaitForAsync(client, 1, i => i[0].GetProperty("status").GetString() == "resolved")).Single();
        incident.GetProperty("resolvedBy").GetString().ShouldBe("alert");
        pki.Server.Requests.Count(r => r.Path.EndsWith(".pem", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameMessageIdTwice_CountsOnce()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());
        var body = pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json"), messageId: "4ad3c64b-1b2f-5c3e-9a3e-1f1f0b0e8f2a");

        var first = await (await PostAsync(host, body)).ReadAsync();
        var again = await (await PostAsync(host, body)).ReadAsync();

        again.GetProperty("alertId").GetString().ShouldBe(first.GetProperty("alertId").GetString());
        await Task.Delay(300);
        (await IncidentApi.WaitForAsync(host.Client(TestKeys.Reader), 1)).Single().GetProperty("alertCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Post_TamperedOrForeignSigned_Returns401AndStoresNothing()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var other = await SnsTestPki.StartAsync(other: true);
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());
        var tampered = JsonNode.Parse(pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json")))!;
        tampered["Message"] = "{}"; // (another topic is refused before its signature is looked at: SnsTrustTests)
        // Signed with another key, but pointing at this PKI's (trusted) certificate URL.
        var foreign = other.Notification(TestData.Read("cloudwatch-alarm-alarm.json"), certificateUrl: pki.CertificateUrl);

        using var first = await PostAsync(host, tampered.ToJsonString());
        using var second = await PostAsync(host, foreign);

        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.ReadAsync()).GetProperty("detail").GetString().ShouldBe("The signature does not match the message.");
        await Task.Delay(200);
        (await (await host.Client().GetAsync("/api/incidents")).ReadAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem", "not on an allowed SNS host")]
    [InlineData("http://127.0.0.1:9/cert.pem", "must be https")]
    [InlineData("https://user:pw@127.0.0.1:9/cert.pem", "must not carry credentials")]
    [InlineData("https://127.0.0.1:9/cert.txt", "not a .pem file")]
    public async Task Post_CertificateUrlNotAllowed_Returns401WithoutFetchingIt(string url, string reason)
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        using var response = await PostAsync(host, pki.Notification("hello", certificateUrl: url));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain(reason);
        pki.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_DefaultHostPattern_RefusesCertificatesFromAnyOtherHost()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync([
            new("Webhooks:Sns:TrustedCertificateAuthority", pki.CaFile), new("Webhooks:Sns:AllowedTopicArns:0", SnsTestPki.Topic)]);

        using var response = await PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("not on an allowed SNS host (127.0.0.1)");
        pki.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_CertificateServerNotTrusted_Returns401()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync([
            new("Webhooks:Sns:CertificateHostPattern", @"^127\.0\.0\.1$"), new("Webhooks:Sns:AllowedTopicArns:0", SnsTestPki.Topic)]);

        using var response = await PostAsync(host, pki.Notification(TestData.Read("cloudwatch-alarm-alarm.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("could not be downloaded");
    }

    [Fact]
    public async Task Post_MessageOlderThanMaxAge_Returns401()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration(("Webhooks:Sns:MaxMessageAge", "01:00:00")));

        using var response = await PostAsync(host, pki.Notification("hello", timestamp: DateTimeOffset.UtcNow.AddHours(-2)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("MaxMessageAge");
    }

    [Fact]
    public async Task Post_SubscriptionConfirmation_ConfirmedOnlyWhenConfiguredAndForAllowedTopics()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using (var off = await GatewayTestHost.StartAsync(pki.Configuration()))
        {
            var response = await (await PostAsync(off, pki.Confirmation(), "SubscriptionConfirmation")).ReadAsync();
            response.GetProperty("ignored").GetString()!.ShouldContain("AutoConfirm");
            pki.Server.Requests.ShouldNotContain(r => r.Query.Contains("ConfirmSubscription", StringComparison.Ordinal));
        }

        await using var on = await GatewayTestHost.StartAsync(pki.Configuration(("Webhooks:Sns:AutoConfirm", "true")));

        var confirmed = await PostAsync(on, pki.Confirmation(), "SubscriptionConfirmation");
        var foreignTopic = await PostAsync(on, pki.Confirmation(topicArn: "arn:aws:sns:eu-west-1:123456789012:other"));

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await confirmed.ReadAsync()).GetProperty("ignored").GetString().ShouldBe("Subscription confirmed.");
        var visit = pki.Server.Requests.Single(r => r.Query.Contains("ConfirmSubscription", StringComparison.Ordinal));
        visit.Method.ShouldBe("GET");
        foreignTopic.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_ConfirmationWithSubscribeUrlElsewhere_IsNotVisited()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration(("Webhooks:Sns:AutoConfirm", "true")));

        var response = await (await PostAsync(host, pki.Confirmation(subscribeUrl: "https://attacker.example/?Action=ConfirmSubscription"))).ReadAsync();

        response.GetProperty("ignored").GetString()!.ShouldContain("not on an allowed SNS host");
    }

    [Fact]
    public async Task Post_UnsubscribeConfirmationAndInsufficientData_AreAcknowledgedWithoutAlerts()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());
        var insufficient = TestData.Read("cloudwatch-alarm-alarm.json").Replace("\"NewStateValue\": \"ALARM\"", "\"NewStateValue\": \"INSUFFICIENT_DATA\"", StringComparison.Ordinal);

        var unsubscribed = await (await PostAsync(host, pki.Confirmation("UnsubscribeConfirmation"))).ReadAsync();
        var ignored = await (await PostAsync(host, pki.Notification(insufficient))).ReadAsync();

        unsubscribed.GetProperty("ignored").GetString()!.ShouldContain("Unsubscribe");
        ignored.GetProperty("ignored").GetString()!.ShouldContain("INSUFFICIENT_DATA");
    }

    [Fact]
    public async Task Post_PlainNotification_BecomesAnSnsAlertTitledBySubject()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        (await PostAsync(host, pki.Notification("Backup job failed on db-3", subject: "Nightly backup failed"))).StatusCode
            .ShouldBe(HttpStatusCode.Accepted);

        var incident = (await IncidentApi.WaitForAsync(host.Client(TestKeys.Reader), 1)).Single();
        incident.GetProperty("source").GetString().ShouldBe("sns");
        incident.GetProperty("title").GetString().ShouldBe("Nightly backup failed");
    }

    [Theory]
    [InlineData("{\"Type\": \"Notification\"", "Invalid JSON")]
    [InlineData("{\"Type\": \"Something\", \"MessageId\": \"m\", \"TopicArn\": \"t\"}", "Not an SNS message")]
    public async Task Post_NotAnSnsMessage_Returns400(string body, string title)
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        using var response = await PostAsync(host, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("title").GetString().ShouldBe(title);
    }

    [Fact]
    public async Task Post_HeaderTypeDisagreesWithBody_Returns400()
    {
        await using var pki = await SnsTestPki.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(pki.Configuration());

        using var response = await PostAsync(host, pki.Notification("hello"), "SubscriptionConfirmation");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_ConfiguredToken_IsRequiredBesidesTheSignature()
    {
        await using var pki = await SnsTestPki.StartAsync();
        // A token alone (no topic allowlist) also says whose messages count: the subscription URL is the secret.
        var configuration = pki.Configuration(("Webhooks:Sns:Token", "sns-token-0123456789abcdef"))
            .Where(c => !c.Key.StartsWith("Webhooks:Sns:AllowedTopicArns", StringComparison.Ordinal));
        await using var host = await GatewayTestHost.StartAsync(configuration);
        var body = pki.Notification("hello", topicArn: "arn:aws:sns:eu-west-1:123456789012:any-topic");

        (await PostAsync(host, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(host, body, path: "/api/alerts/sns?token=sns-token-0123456789abcdef")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("sns-real-sha1.json")]
    [InlineData("sns-real-sha256.json")]
    public async Task Post_RealSnsMessage_VerifiesAgainstTheRealSnsCertificate(string file)
    {
        // A real delivery signed by SNS in July 2022. The certificate URL is not signed, so it is pointed at the local
        // fake serving the real certificate; the clock is set to when the message was signed (the certificate expired since).
        await using var pki = await SnsTestPki.StartAsync();
        pki.Server.On(r => r.Path == "/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem", 200,
            TestData.Read("sns-real-certificate.pem"), "application/x-pem-file");
        var message = JsonNode.Parse(TestData.Read(file))!;
        message["SigningCertURL"] = new Uri(pki.Server.BaseAddress, "SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem").AbsoluteUri;
        var signedAt = DateTimeOffset.Parse(message["Timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await GatewayTestHost.StartAsync(
            pki.Configuration(("Webhooks:Sns:AllowedTopicArns:1", message["TopicArn"]!.GetValue<string>()),
                ("Webhooks:Sns:AllowSignatureVersion1", "true")),
            configure: b => b.Services.AddSingleton<TimeProvider>(new ManualTimeProvider(signedAt.AddMinutes(1))));

        using var response = await PostAsync(host, message.ToJsonString());

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var incident = (await IncidentApi.WaitForAsync(host.Client(TestKeys.Reader), 1)).Single();
        incident.GetProperty("title").GetString().ShouldBe("Hello world");
        incident.GetProperty("source").GetString().ShouldBe("sns");

        message["Message"] = "Hello world, altered";
        (await PostAsync(host, message.ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    // SNS posts JSON as text/plain, with the message type in a header.
    internal static async Task<HttpResponseMessage> PostAsync(GatewayTestHost host, string body, string? type = null, string path = "/api/alerts/sns")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.Add("x-amz-sns-message-type", type ?? TypeOf(body));
        return await host.Client(apiKey: null).SendAsync(request);
    }

    private static string TypeOf(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["Type"]?.GetValue<string>() ?? "Notification";
        }
        catch (System.Text.Json.JsonException)
        {
            return "Notification";
        }
    }
}
