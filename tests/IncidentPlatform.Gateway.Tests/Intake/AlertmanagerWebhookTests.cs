using System.Net;
using System.Net.Http.Headers;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class AlertmanagerWebhookTests
{
    private const string Token = "am-token-0123456789abcdef";

    [Fact]
    public async Task Post_DocumentedFiringGroup_Returns202WithAnIdPerAlertAndOpensAnIncidentPerInstance()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);

        using var response = await client.PostAsync("/api/alerts/alertmanager", Wire.Body(TestData.Read("alertmanager-firing.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var ids = (await response.ReadAsync()).GetProperty("alertIds").EnumerateArray().Select(e => e.GetString()).ToList();
        ids.Count.ShouldBe(2);
        var incidents = await IncidentApi.WaitForAsync(client, 2);
        incidents.Select(i => i.GetProperty("severity").GetString()).Order().ShouldBe(["critical", "medium"]);
        incidents.ShouldAllBe(i => i.GetProperty("service").GetString() == "checkout" && i.GetProperty("source").GetString() == "alertmanager");
        var critical = await IncidentApi.GetAsync(client, incidents.Single(i => i.GetProperty("severity").GetString() == "critical").GetProperty("id").GetString()!);
        critical.GetProperty("title").GetString().ShouldBe("Checkout p99 latency above 2s");
        var alert = critical.GetProperty("alerts")[0];
        alert.GetProperty("labels").GetProperty("instance").GetString().ShouldBe("checkout-1:8080");
        alert.GetProperty("message").GetString()!.ShouldContain("runbook_url: https://runbooks.example.org/checkout-latency");
        alert.GetProperty("message").GetString()!.ShouldContain("source: http://prometheus.example.org:9090/graph");
        alert.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2026-11-21T07:55:12.831Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_ResolvedGroup_ResolvesTheIncidents()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);
        await client.PostAsync("/api/alerts/alertmanager", Wire.Body(TestData.Read("alertmanager-firing.json")));
        await IncidentApi.WaitForAsync(client, 2);

        using var response = await client.PostAsync("/api/alerts/alertmanager", Wire.Body(TestData.Read("alertmanager-resolved.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var incidents = await IncidentApi.WaitForAsync(client, 2, items => items.All(i => i.GetProperty("status").GetString() == "resolved"));
        incidents.ShouldAllBe(i => i.GetProperty("resolvedBy").GetString() == "alert");
    }

    [Fact]
    public async Task Post_SameGroupTwice_DropsTheRetry()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);

        var first = await (await client.PostAsync("/api/alerts/alertmanager", Wire.Body(TestData.Read("alertmanager-firing.json")))).ReadAsync();
        var again = await (await client.PostAsync("/api/alerts/alertmanager", Wire.Body(TestData.Read("alertmanager-firing.json")))).ReadAsync();

        again.GetProperty("alertIds").ToString().ShouldBe(first.GetProperty("alertIds").ToString());
        await Task.Delay(300);
        var incidents = await IncidentApi.WaitForAsync(client, 2);
        incidents.ShouldAllBe(i => i.GetProperty("alertCount").GetInt64() == 1);
    }

    [Theory]
    [InlineData("""{"version": "3", "status": "firing", "alerts": []}""", "version")]
    [InlineData("""{"version": "4", "status": "firing"}""", "alerts")]
    [InlineData("""{"version": "4", "alerts": [{"status": "firing", "startsAt": "2026-11-21T08:00:00Z"}]}""", "alerts[0].labels")]
    [InlineData("""{"version": "4", "alerts": [{"status": "pending", "labels": {"alertname": "x"}, "startsAt": "2026-11-21T08:00:00Z"}]}""", "alerts[0].status")]
    [InlineData("""{"version": "4", "alerts": [{"status": "firing", "labels": {"alertname": "x"}}]}""", "alerts[0].startsAt")]
    public async Task Post_InvalidPayload_Returns400NamingTheField(string body, string field)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/alerts/alertmanager", Wire.Body(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_NotJsonOrTooLarge_Returns415Or413()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);

        (await client.PostAsync("/api/alerts/alertmanager", new StringContent("alerts"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await client.PostAsync("/api/alerts/alertmanager", Wire.Body($$"""{"version": "4", "x": "{{new string('x', 1100 * 1024)}}"}""")))
            .StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_Authentication_KeyWithWriteOrTokenOnly()
    {
        await using var host = await GatewayTestHost.StartAsync([new("Webhooks:Alertmanager:Token", Token)]);
        var body = TestData.Read("alertmanager-firing.json");
        using var anonymous = host.Client(apiKey: null);
        using var bearer = host.Client(apiKey: null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Writer);

        (await anonymous.PostAsync("/api/alerts/alertmanager", Wire.Body(body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/api/alerts/alertmanager?token=wrong-token-0123456789", Wire.Body(body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client(TestKeys.Reader).PostAsync("/api/alerts/alertmanager", Wire.Body(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.PostAsync($"/api/alerts/alertmanager?token={Token}", Wire.Body(body))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await bearer.PostAsync("/api/alerts/alertmanager", Wire.Body(body))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var header = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/alertmanager") { Content = Wire.Body(body) };
        header.Headers.Add("X-Webhook-Token", Token);
        (await anonymous.SendAsync(header)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Post_WithoutConfiguredToken_AnyTokenIsRefused()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).PostAsync("/api/alerts/alertmanager?token=", Wire.Body(TestData.Read("alertmanager-firing.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("Webhooks:Alertmanager:Token");
    }
}
