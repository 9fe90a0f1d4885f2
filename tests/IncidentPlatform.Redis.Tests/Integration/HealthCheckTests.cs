using IncidentPlatform.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class HealthCheckTests
{
    [Fact(Timeout = 30_000)]
    public async Task CheckHealthAsync_ConnectedThenServerStopped_HealthyThenUnhealthyWithReason()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);
        var check = new RedisHealthCheck(connection);

        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        await server.StopAsync();
        await ConnectionStates.WaitForAsync(connection, RedisConnectionState.Reconnecting);
        var unhealthy = await check.CheckHealthAsync(new HealthCheckContext());

        healthy.Status.ShouldBe(HealthStatus.Healthy);
        healthy.Data["pingMs"].ShouldBeOfType<double>();
        unhealthy.Status.ShouldBe(HealthStatus.Unhealthy);
        unhealthy.Description.ShouldNotBeNull().ShouldContain("reconnecting (attempt");
        unhealthy.Data["state"].ShouldBe("Reconnecting");
    }
}
