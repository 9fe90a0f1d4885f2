using System.Net;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Silences;

public sealed class SilenceApiTests
{
    private const string Checkout = """{"matchers": [{"name": "service", "value": "checkout"}], "duration": "02:00:00", "comment": "database upgrade"}""";

    [Fact]
    public async Task Create_Valid_Returns201AndIsListedAndReadable()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var writer = host.Client(TestKeys.Writer);

        using var created = await writer.PostAsync("/api/silences", Wire.Body(Checkout));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var silence = await created.ReadAsync();
        var id = silence.GetProperty("id").GetString()!;
        id.ShouldStartWith("sil-");
        created.Headers.Location!.ToString().ShouldBe($"/api/silences/{id}");
        silence.GetProperty("state").GetString().ShouldBe("active");
        silence.GetProperty("createdBy").GetString().ShouldBe("writer");
        silence.GetProperty("comment").GetString().ShouldBe("database upgrade");
        (silence.GetProperty("endsAt").GetDateTimeOffset() - silence.GetProperty("startsAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(2));
        using var reader = host.Client(TestKeys.Reader);
        var list = await (await reader.GetAsync("/api/silences")).ReadAsync();
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldBe([id]);
        (await (await reader.GetAsync($"/api/silences/{id}")).ReadAsync()).GetProperty("matchers")[0].GetProperty("value").GetString().ShouldBe("checkout");
    }

    [Theory]
    [InlineData("""{"duration": "01:00:00"}""", "matchers")]
    [InlineData("""{"matchers": [], "duration": "01:00:00"}""", "matchers")]
    [InlineData("""{"matchers": [{"name": "", "value": "x"}], "duration": "01:00:00"}""", "matchers[0]")]
    [InlineData("""{"matchers": [{"name": "service", "value": "(", "isRegex": true}], "duration": "01:00:00"}""", "matchers[0]")]
    [InlineData("""{"matchers": [{"name": "service", "value": ".*", "isRegex": true}], "duration": "01:00:00"}""", "matchers")]
    [InlineData("""{"matchers": [{"name": "service", "value": "checkout", "isNegative": true}], "duration": "01:00:00"}""", "matchers")]
    [InlineData("""{"matchers": [{"name": "service", "value": "checkout"}]}""", "endsAt")]
    [InlineData("""{"matchers": [{"name": "service", "value": "checkout"}], "endsAt": "2020-01-01T00:00:00Z"}""", "endsAt")]
    [InlineData("""{"matchers": [{"name": "service", "value": "checkout"}], "endsAt": "2099-01-01T00:00:00Z", "duration": "01:00:00"}""", "duration")]
    [InlineData("""{"matchers": [{"name": "service", "value": "checkout"}], "duration": "400.00:00:00"}""", "endsAt")]
    public async Task Create_Invalid_Returns400NamingTheField(string body, string field)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/silences", Wire.Body(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task Scopes_ReadToListWriteToChange()
    {
        await using var host = await GatewayTestHost.StartAsync();

        (await host.Client(apiKey: null).GetAsync("/api/silences")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client(TestKeys.Reader).GetAsync("/api/silences")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client(TestKeys.Reader).PostAsync("/api/silences", Wire.Body(Checkout))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.Client(TestKeys.Reader).DeleteAsync("/api/silences/sil-x")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_EndsTheSilence_WhichStaysListedAsExpired()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);
        var id = (await (await client.PostAsync("/api/silences", Wire.Body(Checkout))).ReadAsync()).GetProperty("id").GetString();

        (await client.DeleteAsync($"/api/silences/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/api/silences/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var expired = await (await client.GetAsync("/api/silences?state=expired")).ReadAsync();
        expired.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(id);
        (await (await client.GetAsync("/api/silences?state=active")).ReadAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.DeleteAsync("/api/silences/sil-unknown")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/silences/sil-unknown")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ByState_ShowsPendingSilences()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);
        var start = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        await client.PostAsync("/api/silences", Wire.Body($$"""{"matchers": [{"name": "env", "value": "staging"}], "startsAt": "{{start}}", "duration": "01:00:00"}"""));
        await client.PostAsync("/api/silences", Wire.Body(Checkout));

        var pending = await (await client.GetAsync("/api/silences?state=pending")).ReadAsync();

        pending.GetProperty("items").GetArrayLength().ShouldBe(1);
        pending.GetProperty("items")[0].GetProperty("matchers")[0].GetProperty("name").GetString().ShouldBe("env");
        (await client.GetAsync("/api/silences?state=later")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Silence_MatchingAnAlert_MarksItsIncidentSilenced()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Writer);
        var silenceId = (await (await client.PostAsync("/api/silences", Wire.Body(
            """{"matchers": [{"name": "service", "value": "check.*", "isRegex": true}, {"name": "env", "value": "prod"}], "duration": "01:00:00"}""")))
            .ReadAsync()).GetProperty("id").GetString();

        await client.PostAsync("/api/alerts", Wire.Alert(title: "Checkout latency above 2s"));
        await client.PostAsync("/api/alerts", Wire.Alert(title: "Payments latency above 2s", service: "payments"));

        var incidents = await IncidentApi.WaitForAsync(client, 2);
        incidents.Single(i => i.GetProperty("service").GetString() == "checkout").GetProperty("silencedBy").GetString().ShouldBe(silenceId);
        incidents.Single(i => i.GetProperty("service").GetString() == "payments").TryGetProperty("silencedBy", out _).ShouldBeFalse();
    }
}
