using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

public sealed class ServiceHealthTests(RabbitMqFixture rabbit, RedisFixture redis)
{
    public static TheoryData<string> ServiceProjects => new(Services.All);

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public async Task Start_WithRabbitMqAndRedis_AnswersHealthAndAlive(string project)
    {
        await using var service = await ServiceProcess.StartHealthyAsync(
            project, Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString));
        using var client = service.CreateClient();

        using var health = await client.GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("\"messaging\":{\"status\":\"Healthy\"");
        body.ShouldContain("\"StackExchange.Redis\":{\"status\":\"Healthy\"");

        using var alive = await client.GetAsync("/alive");
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alive.Content.ReadAsStringAsync()).ShouldNotContain("Redis");
    }

    [Fact]
    public async Task Health_WhenRabbitMqStopsAndReturns_TurnsUnhealthyThenHealthy()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        await using var service = await ServiceProcess.StartHealthyAsync(
            "IncidentPlatform.Detector", Services.Configuration(broker.ConnectionString, redis.ConnectionString));

        await broker.StopAsync();
        await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        using (var client = service.CreateClient())
        {
            (await client.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await broker.StartAgainAsync();
        await service.WaitForHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Health_WhenRedisStopsAndReturns_TurnsUnhealthyThenHealthy()
    {
        await using var store = await RedisServer.StartNewAsync();
        await using var service = await ServiceProcess.StartHealthyAsync(
            "IncidentPlatform.Gateway", Services.Configuration(rabbit.Server.ConnectionString, store.ConnectionString));

        await store.StopAsync();
        await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));

        await store.StartAsync();
        await service.WaitForHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Standalone_WithNoConfiguration_AnswersHealth_WithoutItsDataDirectory()
    {
        var data = Directory.CreateTempSubdirectory("ip-standalone-").FullName;
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = data,
        });
        using var client = host.CreateClient();
        var body = await client.GetStringAsync("/health");
        body.ShouldContain("\"status\":\"Healthy\"");
        body.ShouldNotContain(data); // health is anonymous: it tells no one where the data lives
        host.Output.ShouldContain($"listening on {host.BaseAddress.ToString().TrimEnd('/')}");
    }
}
