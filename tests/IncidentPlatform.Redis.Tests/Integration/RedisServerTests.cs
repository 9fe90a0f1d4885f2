using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

/// <summary>The fixture's options reach the server it starts.</summary>
public sealed class RedisServerTests
{
    [Fact(Timeout = 30_000)]
    public async Task StartNewAsync_FsyncAlwaysAndExtraArguments_AreApplied()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions
        {
            AppendFsyncAlways = true,
            ExtraArguments = ["--maxmemory", "10mb"],
        });
        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);

        var fsync = await connection.ExecuteAsync("CONFIG", "GET", "appendfsync");
        var maxMemory = await connection.ExecuteAsync("CONFIG", "GET", "maxmemory");
        var directory = await connection.ExecuteAsync("CONFIG", "GET", "dir");

        fsync[1].ToString().ShouldBe("always");
        maxMemory[1].ToInt64().ShouldBe(10 * 1024 * 1024);
        directory[1].ToString().ShouldBe(server.Directory);
    }

    [Fact(Timeout = 30_000)]
    public async Task DisposeAsync_RunningServer_StopsItAndDeletesItsDirectory()
    {
        var server = await RedisServer.StartNewAsync();
        var directory = server.Directory;

        await server.DisposeAsync();

        server.IsRunning.ShouldBeFalse();
        Directory.Exists(directory).ShouldBeFalse();
    }
}
