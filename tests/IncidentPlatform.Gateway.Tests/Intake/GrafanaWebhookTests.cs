using System.Net;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class GrafanaWebhookTests
{
    [Fact]
    public async Task Post_DocumentedExample_OpensAnIncidentPerAlertWithValuesAndLinks()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);

        using var response = await client.PostAsync("/api/alerts/grafana", Wire.Body(TestData.Read("grafana-firing.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadAsync()).GetProperty("alertIds").GetArrayLength().ShouldBe(2);
        var incidents = await IncidentApi.WaitForAsync(client, 2);
        incidents.Select(i => i.GetProperty("title").GetString()).Order()
            .ShouldBe(["This alert was triggered for zone eu-1", "This alert was triggered for zone us-1"]);
        incidents.ShouldAllBe(i => i.GetProperty("source").GetString() == "grafana" && i.GetProperty("severity").GetString() == "medium");
        var memory = await IncidentApi.GetAsync(client, incidents.Single(i => i.GetProperty("title").GetString()!.EndsWith("us-1", StringComparison.Ordinal))
            .GetProperty("id").GetString()!);
        var message = memory.GetProperty("alerts")[0].GetProperty("message").GetString()!;
        message.ShouldStartWith("The system has high memory usage");
        message.ShouldContain("values: B=44.23943737541908, C=1");
        message.ShouldContain("silence: https://play.grafana.org/alerting/silence/new");
        memory.GetProperty("alerts")[0].GetProperty("timestamp").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2021, 10, 12, 7, 51, 3, 157, TimeSpan.Zero).AddTicks(760));
    }

    [Fact]
    public async Task Post_WithoutKey_Returns401()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).PostAsync("/api/alerts/grafana", Wire.Body(TestData.Read("grafana-firing.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
