using System.Net;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing.Fuzz;

namespace IncidentPlatform.Gateway.Tests.Api;

/// <summary>
/// Generated bad input on every public route with a body (issue 15 item 13), a short run with a fixed seed: no 5xx, no
/// hang, the gateway still answers, and the incident accepted before the run is still there. The long run (10,000
/// inputs per route against the standalone host) is <c>bench fuzz</c>.
/// </summary>
public sealed class FuzzTests
{
    private const int InputsPerRoute = 500;
    private const int Seed = 15;

    // What the long run (bench fuzz, 10,000 per route) found: JSON null where an object or a string belongs was a 500
    // (Alertmanager, Grafana, silences) or a 503 "could not be queued" (CloudWatch Logs), not a 400.
    [Theory]
    [InlineData("/api/alerts/alertmanager", """{"version":"4","alerts":[null]}""")]
    [InlineData("/api/alerts/alertmanager", """{"version":"4","alerts":[{"status":"firing","startsAt":"2026-11-21T08:00:00Z","labels":{"alertname":null}}]}""")]
    [InlineData("/api/alerts/grafana", """{"alerts":[null]}""")]
    [InlineData("/api/silences", """{"duration":"00:05:00","matchers":[null]}""")]
    [InlineData("/api/alerts/cloudwatch-logs", """{"messageType":"DATA_MESSAGE","logEvents":[null]}""")]
    [InlineData("/api/alerts/cloudwatch-logs", """{"messageType":"DATA_MESSAGE","logEvents":null}""")]
    [InlineData("/api/alerts/cloudwatch-logs", """{"messageType":"DATA_MESSAGE","subscriptionFilters":null,"logEvents":[{"id":"1","timestamp":1,"message":"m"}]}""")]
    public async Task Post_NullWhereAnObjectBelongs_Returns400(string path, string body)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client().PostAsync(path, Wire.Body(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryRoute_GeneratedBadInput_NoServerErrorNoHang_AndNothingAcceptedIsLost()
    {
        // The fake owners answer the commands the gateway forwards (an unknown remediation: 404, as the real service).
        var (host, _) = await FakeOwners.StartHostAsync([
            new("Auth:RateLimit:PermitsPerMinute", "0"), new("Auth:RateLimit:AnonymousPermitsPerMinute", "0"),
            new("Webhooks:Sns:AllowedTopicArns:0", "arn:aws:sns:us-west-2:123456789012:MyTopic"),
            new("Webhooks:Alertmanager:Token", "fuzz-token-0123456789abcdef"),
            new("Slack:SigningSecret", "fuzz-slack-secret-0123456789"),
        ]);
        await using var _ = host;
        using var reader = host.Client(TestKeys.Reader);
        (await host.Client().PostAsync("/api/alerts", Wire.Alert(id: "accepted-before-fuzz"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var before = (await IncidentApi.WaitForAsync(reader, 1)).Single();
        var id = before.GetProperty("id").GetString()!;

        using var client = host.Client(apiKey: null);
        var reports = new List<FuzzRun.Report>();
        foreach (var route in FuzzRoutes.Gateway(TestKeys.Admin, id))
        {
            reports.Add(await FuzzRun.RouteAsync(client, route, InputsPerRoute, Seed, parallel: 4, TimeSpan.FromSeconds(30),
                TestContext.Current.CancellationToken));
        }

        foreach (var report in reports)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        }

        reports.SelectMany(r => r.ServerErrors.Select(e => $"{r.Route}: {e}")).ShouldBeEmpty();
        reports.Where(r => r.Hangs > 0).Select(r => r.ToString()).ShouldBeEmpty();
        reports.Sum(r => r.Statuses.Values.Sum()).ShouldBe(reports.Count * InputsPerRoute);
        (await reader.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await (await reader.GetAsync($"/api/incidents/{id}")).ReadAsync();
        after.GetProperty("alertCount").GetInt64().ShouldBeGreaterThanOrEqualTo(before.GetProperty("alertCount").GetInt64());
    }
}
