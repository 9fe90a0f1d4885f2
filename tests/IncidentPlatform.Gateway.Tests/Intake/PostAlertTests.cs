using System.Net;
using System.Net.Http.Headers;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class PostAlertTests
{
    [Fact]
    public async Task PostAlert_WithoutKey_Returns401ProblemAndStoresNothing()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("X-Api-Key");
        await AssertNoIncidentsAsync(host);
    }

    [Fact]
    public async Task PostAlert_WithWrongKey_Returns401()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client("not-a-configured-key-at-all").PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe("The API key is not valid.");
    }

    [Fact]
    public async Task PostAlert_WithReadOnlyKey_Returns403()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task PostAlert_WithBearerKey_Returns202()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Writer);

        using var response = await client.PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("{not json", "Invalid JSON")]
    [InlineData("[1,2]", "Invalid JSON")]
    [InlineData("{\"source\": 12}", "Invalid JSON")]
    [InlineData("null", "Invalid body")]
    public async Task PostAlert_MalformedJson_Returns400Problem(string body, string title)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client().PostAsync("/api/alerts", Wire.Body(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("title").GetString().ShouldBe(title);
        await AssertNoIncidentsAsync(host);
    }

    [Fact]
    public async Task PostAlert_MissingAndInvalidFields_Returns400WithEveryError()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client().PostAsync("/api/alerts",
            Wire.Body("""{"title": "x", "severity": "bad", "timestamp": "2099-01-01T00:00:00Z", "status": "maybe"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order()
            .ShouldBe(["message", "severity", "source", "status", "timestamp"]);
        await AssertNoIncidentsAsync(host);
    }

    [Fact]
    public async Task PostAlert_WithoutTimestamp_IsAcceptedAtTheTimeOfReceiptAndMarked()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client();

        using var response = await client.PostAsync("/api/alerts", Wire.Body(
            """{"source": "nagios", "title": "Disk almost full", "message": "93 %", "severity": "high", "service": "files"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadAsync()).GetProperty("note").GetString()!.ShouldStartWith("No timestamp was given: the time of receipt");
        var incident = (await IncidentApi.WaitForAsync(client, 1)).Single();
        var alert = (await IncidentApi.GetAsync(client, incident.GetProperty("id").GetString()!)).GetProperty("alerts").EnumerateArray().Single();
        alert.GetProperty("timestampFromReceipt").GetBoolean().ShouldBeTrue();
        alert.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(alert.GetProperty("receivedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostAlert_BodyOverLimit_Returns413()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var huge = new string('x', 300 * 1024);

        using var response = await host.Client().PostAsync("/api/alerts", Wire.Body($$"""{"message": "{{huge}}"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostAlert_NotJson_Returns415()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client().PostAsync("/api/alerts", new StringContent("source=x"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task PostAlert_Valid_Returns202AndOpensIncidentWithAlertAndTimeline()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client();

        using var response = await client.PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var alertId = (await response.ReadAsync()).GetProperty("alertId").GetString()!;
        alertId.ShouldStartWith("alt-");
        var list = await Eventually.GetAsync(
            async () => await (await client.GetAsync("/api/incidents?service=checkout")).ReadAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        // The incident is listed as soon as it is stored; its timeline's first entry is written right after.
        var incident = await Eventually.GetAsync(
            async () => await (await client.GetAsync($"/api/incidents/{id}")).ReadAsync(),
            i => i.GetProperty("timeline").GetArrayLength() > 0 && i.GetProperty("alerts").GetArrayLength() > 0);
        incident.GetProperty("status").GetString().ShouldBe("open");
        incident.GetProperty("severity").GetString().ShouldBe("high");
        incident.GetProperty("alerts")[0].GetProperty("id").GetString().ShouldBe(alertId);
        incident.GetProperty("alerts")[0].GetProperty("labels").GetProperty("env").GetString().ShouldBe("prod");
        incident.GetProperty("timeline")[0].GetProperty("kind").GetString().ShouldBe("opened");
    }

    [Fact]
    public async Task PostAlert_SameSenderIdTwice_ReturnsSameAlertIdAndCountsOnce()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client();

        var first = await (await client.PostAsync("/api/alerts", Wire.Alert(id: "nagios-42"))).ReadAsync();
        var again = await (await client.PostAsync("/api/alerts", Wire.Alert(id: "nagios-42"))).ReadAsync();
        await client.PostAsync("/api/alerts", Wire.Alert(id: "nagios-43"));

        again.GetProperty("alertId").GetString().ShouldBe(first.GetProperty("alertId").GetString());
        var list = await Eventually.GetAsync(
            async () => await (await client.GetAsync("/api/incidents")).ReadAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1 && l.GetProperty("items")[0].GetProperty("alertCount").GetInt64() == 2);
        list.GetProperty("items")[0].GetProperty("alertCount").GetInt64().ShouldBe(2);
    }

    private static async Task AssertNoIncidentsAsync(GatewayTestHost host)
    {
        await Task.Delay(200); // anything published would have been consumed by now on the in-memory bus
        var list = await (await host.Client().GetAsync("/api/incidents")).ReadAsync();
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
