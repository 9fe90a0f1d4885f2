using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Api;

public sealed class RestApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timeline_Paged_VisitsEveryEntryOnceInOrder()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "svc", Severity.High, T0);
        var store = host.Services.GetRequiredService<IIncidentStore>();
        for (var i = 0; i < 7; i++)
        {
            await store.AppendTimelineAsync(incident.Id, new TimelineEntry { At = T0.AddSeconds(i), Kind = "note", Message = $"n{i}" });
        }

        using var client = host.Client(TestKeys.Reader);
        var seen = new List<string>();
        int? offset = 0;
        while (offset is not null)
        {
            var page = await (await client.GetAsync($"/api/incidents/{incident.Id}/timeline?offset={offset}&limit=3")).ReadAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()!));
            offset = page.TryGetProperty("nextOffset", out var next) ? next.GetInt32() : null;
        }

        seen.ShouldBe(["n0", "n1", "n2", "n3", "n4", "n5", "n6"]);
    }

    [Fact]
    public async Task Alerts_Paged_NewestFirst()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "svc", Severity.High, T0);
        var store = host.Services.GetRequiredService<IIncidentStore>();
        for (var i = 0; i < 5; i++)
        {
            await store.AddAlertAsync(incident.Id, new Alert
            {
                Id = $"alt-{i}", Source = "test", Title = $"a{i}", Message = "", Severity = Severity.High, Timestamp = T0,
            });
        }

        using var client = host.Client(TestKeys.Reader);
        var first = await (await client.GetAsync($"/api/incidents/{incident.Id}/alerts?limit=3")).ReadAsync();
        var second = await (await client.GetAsync($"/api/incidents/{incident.Id}/alerts?offset=3&limit=3")).ReadAsync();

        first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe(["alt-4", "alt-3", "alt-2"]);
        first.GetProperty("nextOffset").GetInt32().ShouldBe(3);
        second.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe(["alt-1", "alt-0"]);
        second.TryGetProperty("nextOffset", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/incidents/inc-missing/timeline", HttpStatusCode.NotFound)]
    [InlineData("/api/incidents/inc-missing/alerts", HttpStatusCode.NotFound)]
    [InlineData("/api/incidents/inc-x/timeline?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/incidents/inc-x/alerts?offset=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Errors_AreProblemDetails(string path, HttpStatusCode status)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).GetAsync(path);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Writer).GetAsync("/api/alerts");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task NonJsonBody_Returns415Problem()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/alerts", new StringContent("title=x"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task UnhandledException_Returns500ProblemWithoutInternals()
    {
        await using var host = await GatewayTestHost.StartAsync(map: app =>
            app.MapGet("/api/test-throws", string () => throw new InvalidOperationException("secret connection string")));

        using var response = await host.Client(TestKeys.Reader).GetAsync("/api/test-throws");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldNotContain("secret");
        body.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task RateLimit_PerKey_Returns429WithRetryAfterAndLeavesOtherKeysAlone()
    {
        await using var host = await GatewayTestHost.StartAsync([new("Auth:RateLimit:PermitsPerMinute", "3")]);
        using var reader = host.Client(TestKeys.Reader);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await reader.GetAsync("/api/incidents");
            statuses.Add(r.StatusCode);
        }

        using var limited = await reader.GetAsync("/api/incidents");
        using var other = await host.Client(TestKeys.Writer).GetAsync("/api/incidents");

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimit_WithoutAValidCredential_LimitsTheAddress_AndLeavesKeysAlone()
    {
        // Key guessing, health floods and unsigned webhook floods: anonymous requests count against their address.
        await using var host = await GatewayTestHost.StartAsync([new("Auth:RateLimit:AnonymousPermitsPerMinute", "3")]);
        using var guesser = host.Client("not-a-key-0123456789");
        using var anonymous = host.Client(apiKey: null);

        var statuses = new List<HttpStatusCode>();
        foreach (var (client, path) in new[] { (guesser, "/api/incidents"), (anonymous, "/health"), (guesser, "/api/incidents") })
        {
            using var r = await client.GetAsync(path);
            statuses.Add(r.StatusCode);
        }

        using var limited = await anonymous.PostAsync("/api/alerts/alertmanager", Wire.Body("{}"));
        using var keyed = await host.Client(TestKeys.Reader).GetAsync("/api/incidents");

        (statuses[0], statuses[2]).ShouldBe((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        statuses[1].ShouldNotBe(HttpStatusCode.TooManyRequests);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.ReadAsync()).GetProperty("detail").GetString()!.ShouldStartWith("This address, without a valid credential,");
        keyed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_NeedsReadAndDescribesTheApi()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var anonymous = await host.Client(apiKey: null).GetAsync("/openapi/v1.json");
        var document = await (await host.Client(TestKeys.Reader).GetAsync("/openapi/v1.json")).ReadAsync();

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/incidents");
        paths.ShouldContain("/api/incidents/{id}/timeline");
        paths.ShouldContain("/api/alerts");
        paths.ShouldNotContain("/mcp");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("name").GetString()
            .ShouldBe("X-Api-Key");
    }
}
