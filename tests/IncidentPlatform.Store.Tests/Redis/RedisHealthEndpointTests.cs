using System.Net;
using System.Text.Json;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store.Redis;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>A web app wired as the services are (service defaults, the store, the default endpoints) answers /health with the Redis check.</summary>
public sealed class RedisHealthEndpointTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Health_ServiceWiredWithTheRedisStore_ReportsRedisHealthy()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:redis", redis.ConnectionString)]);
        builder.AddServiceDefaults();
        builder.AddIncidentStore();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        report.RootElement.GetProperty("checks").GetProperty(RedisStoreRegistration.HealthCheckName).GetProperty("status").GetString().ShouldBe("Healthy");
        await app.StopAsync();
    }
}
