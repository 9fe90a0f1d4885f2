using System.Net;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task MapDefaultEndpoints_WhenEverythingElseNeedsAuthentication_AnswersProbesWithoutCredentials()
    {
        await using var app = await StartAsync(builder =>
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddAuthorizationBuilder()
                .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/private")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to the sign-in page
    }

    [Fact]
    public async Task Health_WithTheBus_ReportsMassTransitsCheckAsMessagingAndAliveLeavesItOut()
    {
        await using var app = await StartAsync(builder =>
        {
            builder.Configuration[MessagingExtensions.TransportKey] = MessagingExtensions.InMemory;
            builder.AddMessaging();
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var health = await client.GetStringAsync("/health");
        var alive = await client.GetStringAsync("/alive");

        health.ShouldContain("\"messaging\":{\"status\":\"Healthy\"");
        alive.ShouldContain("\"self\":{\"status\":\"Healthy\"");
        alive.ShouldNotContain("messaging");
    }

    [Fact]
    public async Task Health_WhenTheBrokerStopsAndReturns_MessagingIsUnhealthyThenHealthy()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        await using var app = await StartAsync(builder =>
        {
            builder.Configuration[$"ConnectionStrings:{ResourceNames.Messaging}"] = broker.ConnectionString;
            builder.AddMessaging(bus => bus.AddConsumer<TelemetryTests.PingConsumer>());
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await HealthAsync(client, HttpStatusCode.OK);

        await broker.StopAsync();
        var down = await HealthAsync(client, HttpStatusCode.ServiceUnavailable);
        down.ShouldContain("\"messaging\":{\"status\":\"Unhealthy\",\"description\":\"No consumer endpoint is receiving.");

        await broker.StartAgainAsync();
        await HealthAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(90));
    }

    private static async Task<string> HealthAsync(HttpClient client, HttpStatusCode status, TimeSpan? timeout = null)
    {
        var (_, body) = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, answer => answer.StatusCode == status, $"/health answering {status}", timeout ?? TimeSpan.FromSeconds(60));
        return body;
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        configure(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/private", () => "secret");
        await app.StartAsync();
        return app;
    }
}
