using Garnet;

namespace IncidentPlatform.Bench.Garnet;

/// <summary>
/// Microsoft.Garnet in this process, configured as an embedded store would need it: Lua on (scripts run as
/// transactions, locking their KEYS), the append-only file on with every reply held until its commit is on disk
/// (<c>--aof-commit-wait</c>, a commit issued per operation batch), data recovered from the AOF at start, the
/// RandomAccess device (the native one needs libaio), and a Unix socket in the data directory (no TCP port beyond a
/// loopback one nobody is told about). This is the configuration of the Garnet trial (issue 12, item 7) that the
/// store README's record of it refers to.
/// </summary>
internal sealed class DurableGarnet : IAsyncDisposable
{
    private readonly GarnetServer _server;

    private DurableGarnet(GarnetServer server, string socket)
    {
        _server = server;
        ConnectionString = "!" + socket;
    }

    /// <summary>The StackExchange.Redis connection string: <c>!</c> and the socket path.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts Garnet on the data in <paramref name="directory"/> (recovering what its AOF holds). Without
    /// <paramref name="commitWait"/> (Garnet's default) a reply may go before its commit: the crash benchmark shows
    /// what that costs.
    /// </summary>
    public static DurableGarnet Start(string directory, bool commitWait = true)
    {
        Directory.CreateDirectory(directory);
        var socket = Path.Combine(directory, "garnet.sock");
        File.Delete(socket);
        string[] arguments =
        [
            "--bind", "127.0.0.1", "--port", "0", "--unixsocket", socket,
            "--lua", "--lua-transaction-mode",
            "--aof", "--aof-commit-freq", "0", "--recover",
            "--storage-tier", "--device-type", "RandomAccess", "--logdir", directory, "--checkpointdir", directory,
            .. (commitWait ? new[] { "--aof-commit-wait" } : []),
        ];
        var server = new GarnetServer(arguments);
        server.Start();
        return new DurableGarnet(server, socket);
    }

    public ValueTask DisposeAsync()
    {
        _server.Dispose(deleteDir: false);
        return ValueTask.CompletedTask;
    }
}
