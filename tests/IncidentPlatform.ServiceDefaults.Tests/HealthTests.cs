using System.Net;
using IncidentPlatform.ServiceDefaults.Messaging;
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
