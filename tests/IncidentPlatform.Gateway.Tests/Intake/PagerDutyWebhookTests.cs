using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class PagerDutyWebhookTests
{
    private const string Secret = "pd-signing-secret-0123456789abcdef";
    private const string OldSecret = "pd-old-secret-0123456789abcdef00";

    [Fact]
    public async Task Post_SignedTriggered_OpensIncidentKeyedByThePagerDutyIncident()
    {
        await using var host = await StartAsync();
        using var client = host.Client(apiKey: null);

        using var response = await client.SendAsync(Signed(TestData.Read("pagerduty-incident-triggered.json"), Secret));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadAsync()).GetProperty("alertId").GetString()!.ShouldStartWith("alt-");
        using var reader = host.Client(TestKeys.Reader);
        var incident = (await IncidentApi.WaitForAsync(reader, 1)).Single();
        incident.GetProperty("fingerprint").GetString().ShouldBe("pagerduty:PGR0VU2");
        incident.GetProperty("severity").GetString().ShouldBe("critical"); // priority P1
        incident.GetProperty("service").GetString().ShouldBe("API Service");
        incident.GetProperty("title").GetString().ShouldBe("A little bump in the road");
    }

    [Fact]
    public async Task Post_Resolved_ResolvesTheIncident()
    {
        await using var host = await StartAsync();
        using var client = host.Client(apiKey: null);
        await client.SendAsync(Signed(TestData.Read("pagerduty-incident-triggered.json"), Secret));
        using var reader = host.Client(TestKeys.Reader);
        await IncidentApi.WaitForAsync(reader, 1);

        (await client.SendAsync(Signed(TestData.Read("pagerduty-incident-resolved.json"), Secret))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await IncidentApi.WaitForAsync(reader, 1, items => items[0].GetProperty("status").GetString() == "resolved");
    }

    [Fact]
    public async Task Post_SeveralSignaturesDuringRotation_AcceptsWhenOneMatches()
    {
        await using var host = await StartAsync();
        var body = OccurredAt(TestData.Read("pagerduty-incident-triggered.json"), DateTimeOffset.UtcNow);
        using var request = Raw(body);
        request.Headers.Add("X-PagerDuty-Signature", $"v1={Hex("not-the-secret-at-all-0000", body)},v1={Hex(OldSecret, body)}");

        using var response = await host.Client(apiKey: null).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1=00")]
    [InlineData("v0=whatever")]
    public async Task Post_MissingOrWrongSignature_Returns401EvenWithAnApiKey(string? signature)
    {
        await using var host = await StartAsync();
        using var request = Raw(TestData.Read("pagerduty-incident-triggered.json"));
        if (signature is not null)
        {
            request.Headers.Add("X-PagerDuty-Signature", signature);
        }

        using var response = await host.Client(TestKeys.Writer).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("title").GetString().ShouldBe("Invalid signature");
    }

    [Fact]
    public async Task Post_BodyChangedAfterSigning_Returns401()
    {
        await using var host = await StartAsync();
        var body = TestData.Read("pagerduty-incident-triggered.json");
        using var request = Raw(body.Replace("A little bump", "A large bump", StringComparison.Ordinal));
        request.Headers.Add("X-PagerDuty-Signature", $"v1={Hex(Secret, body)}");

        (await host.Client(apiKey: null).SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-31)]
    [InlineData(-24 * 60)]
    [InlineData(10)]
    public async Task Post_SignedEventOutsideTheReplayWindow_Returns401AndRaisesNothing(int minutesFromNow)
    {
        await using var host = await StartAsync();

        using var response = await host.Client(apiKey: null).SendAsync(
            Signed(TestData.Read("pagerduty-incident-triggered.json"), Secret, DateTimeOffset.UtcNow.AddMinutes(minutesFromNow)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await response.ReadAsync();
        problem.GetProperty("title").GetString().ShouldBe("Outside the replay window");
        problem.GetProperty("detail").GetString()!.ShouldContain("Webhooks:PagerDuty:ReplayWindow (00:30:00)");
        await Task.Delay(200);
        (await (await host.Client().GetAsync("/api/incidents")).ReadAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Post_SignedEventWithoutOccurredAt_Returns400NamingTheField()
    {
        await using var host = await StartAsync();
        var body = TestData.Read("pagerduty-incident-triggered.json").Replace("\"occurred_at\"", "\"occurred\"", StringComparison.Ordinal);
        using var request = Raw(body);
        request.Headers.Add("X-PagerDuty-Signature", $"v1={Hex(Secret, body)}");

        using var response = await host.Client(apiKey: null).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty("event.occurred_at", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_SameSignedEventReplayedWithinTheWindow_CountsOnce()
    {
        await using var host = await StartAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var client = host.Client(apiKey: null);

        var first = await (await client.SendAsync(Signed(TestData.Read("pagerduty-incident-triggered.json"), Secret, at))).ReadAsync();
        var replay = await (await client.SendAsync(Signed(TestData.Read("pagerduty-incident-triggered.json"), Secret, at))).ReadAsync();

        replay.GetProperty("alertId").GetString().ShouldBe(first.GetProperty("alertId").GetString());
        await Task.Delay(300);
        (await IncidentApi.WaitForAsync(host.Client(TestKeys.Reader), 1)).Single().GetProperty("alertCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Post_ServiceEvent_IsAcceptedAndIgnored()
    {
        await using var host = await StartAsync();

        using var response = await host.Client(apiKey: null).SendAsync(Signed(TestData.Read("pagerduty-service-updated.json"), Secret));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadAsync()).GetProperty("ignored").GetString()!.ShouldContain("service.updated");
    }

    [Fact]
    public async Task Post_WithoutSigningSecrets_TakesAnApiKeyAndRefusesAnonymous()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var body = TestData.Read("pagerduty-incident-triggered.json");

        (await host.Client(apiKey: null).SendAsync(Raw(body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client(TestKeys.Writer).SendAsync(Raw(body))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private static Task<GatewayTestHost> StartAsync() => GatewayTestHost.StartAsync(
        [new("Webhooks:PagerDuty:SigningSecrets:0", Secret), new("Webhooks:PagerDuty:SigningSecrets:1", OldSecret)]);

    // Signed as PagerDuty signs, for an event that occurred at the given time (now by default).
    private static HttpRequestMessage Signed(string body, string secret, DateTimeOffset? occurredAt = null)
    {
        body = OccurredAt(body, occurredAt ?? DateTimeOffset.UtcNow);
        var request = Raw(body);
        request.Headers.Add("X-PagerDuty-Signature", $"v1={Hex(secret, body)}");
        return request;
    }

    private static string OccurredAt(string body, DateTimeOffset at) => Regex.Replace(body, "\"occurred_at\": \"[^\"]*\"",
        $"\"occurred_at\": \"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"");

    private static HttpRequestMessage Raw(string body) => new(HttpMethod.Post, "/api/alerts/pagerduty") { Content = Wire.Body(body) };

    // Computed here independently of the gateway: hex HMAC-SHA256 of the raw body, as PagerDuty documents.
    private static string Hex(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
