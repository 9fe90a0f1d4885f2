using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class AuthenticationTests
{
    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_AspireFormWithPassword_Authenticates()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "s3cret-pw" });

        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);

        server.ConnectionString.ShouldContain(",password=s3cret-pw");
        (await connection.ExecuteAsync("SET", "k", "v")).ToString().ShouldBe("OK");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_UriWithPassword_Authenticates()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "p@ss word" });

        await using var connection = await RedisConnection.ConnectAsync($"redis://:p%40ss%20word@127.0.0.1:{server.Port}");

        await connection.PingAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_AclUserInBothForms_AuthenticatesAsThatUser()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { AclUser = "incident", AclPassword = "acl-pw" });

        await using var aspire = await RedisConnection.ConnectAsync($"127.0.0.1:{server.Port},user=incident,password=acl-pw");
        await using var uri = await RedisConnection.ConnectAsync($"redis://incident:acl-pw@127.0.0.1:{server.Port}");

        (await aspire.ExecuteAsync("ACL", "WHOAMI")).ToString().ShouldBe("incident");
        (await uri.ExecuteAsync("ACL", "WHOAMI")).ToString().ShouldBe("incident");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_WrongPassword_ThrowsConnectionExceptionWithServerMessage()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "right" });

        var error = await Should.ThrowAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"127.0.0.1:{server.Port},password=wrong"));

        error.Message.ShouldContain("WRONGPASS");
        error.Message.ShouldContain($"127.0.0.1:{server.Port}");
        error.InnerException.ShouldBeOfType<RedisServerException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_NoPasswordForProtectedServer_ThrowsNoAuth()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { Password = "right" });

        var error = await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync($"127.0.0.1:{server.Port}"));

        error.Message.ShouldContain("NOAUTH");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_DefaultDatabaseAndName_SelectsDatabaseAndNamesClient()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var db3 = await RedisConnection.ConnectAsync(server.ConnectionString + ",defaultDatabase=3,name=detector-1");
        await using var db0 = await RedisConnection.ConnectAsync(server.ConnectionString);
        await using var uriDb3 = await RedisConnection.ConnectAsync($"redis://127.0.0.1:{server.Port}/3");

        await db3.SetAsync("where", "three");

        (await db0.GetAsync("where")).IsNull.ShouldBeTrue();
        (await uriDb3.GetAsync("where")).ToString().ShouldBe("three");
        (await db3.ExecuteAsync("CLIENT", "GETNAME")).ToString().ShouldBe("detector-1");
        await db3.FlushDatabaseAsync();
        (await uriDb3.GetAsync("where")).IsNull.ShouldBeTrue();
    }
}
