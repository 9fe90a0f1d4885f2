using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>The store's connection strings with passwords and ACL users, in both forms, against servers that require them.</summary>
public sealed class RedisAuthenticationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Store_AspireFormWithPassword_Authenticates()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "s3cret-pw" });

        server.ConnectionString.ShouldContain(",password=s3cret-pw");
        await ShouldServeAsync(server.ConnectionString);
    }

    [Fact]
    public async Task Store_UriWithAPasswordNeedingEscapes_Authenticates()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "p@ss, word=1" });

        await ShouldServeAsync($"redis://:p%40ss%2C%20word%3D1@127.0.0.1:{server.Port}");
    }

    [Theory]
    [InlineData("127.0.0.1:{0},user=incident,password=acl-pw")]
    [InlineData("redis://incident:acl-pw@127.0.0.1:{0}")]
    public async Task Store_AclUserInEitherForm_ActsAsThatUser(string form)
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { AclUser = "incident", AclPassword = "acl-pw" });

        var whoAmI = await ShouldServeAsync(string.Format(null, form, server.Port));

        whoAmI.ShouldBe("incident");
    }

    [Fact]
    public async Task Store_WrongPassword_StartsButNeverReady()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "right" });
        using var host = RedisHosts.Build(_directory.Path, $"127.0.0.1:{server.Port},password=wrong,connectTimeout=1000");

        await host.StartAsync();

        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Unhealthy);
        await Should.ThrowAsync<RedisConnectionException>(
            () => host.Services.GetRequiredService<IIncidentStore>().GetAsync(TestData.NewId("inc")));
        await host.StopAsync();
    }

    /// <summary>Starts a store host on <paramref name="connectionString"/>, writes and reads through it; returns ACL WHOAMI.</summary>
    private async Task<string> ShouldServeAsync(string connectionString)
    {
        using var host = RedisHosts.Build(_directory.Path, connectionString);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var incident = TestData.Incident();

        (await store.FindOrOpenAsync(incident.Fingerprint, incident)).Opened.ShouldBeTrue();

        (await store.GetAsync(incident.Id)).ShouldNotBeNull();
        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Healthy);
        var whoAmI = (string?)await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().ExecuteAsync("ACL", "WHOAMI");
        await host.StopAsync();
        return whoAmI!;
    }
}
