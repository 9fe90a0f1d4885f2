using IncidentPlatform.Testing;

namespace IncidentPlatform.Bench.Crash;

/// <summary>
/// The server under the crash benchmark, killed with SIGKILL and started again on the same data:
/// redis-server with <c>appendfsync always</c> (<c>redis</c>), or Garnet with its AOF and commit wait in a process
/// of its own (<c>garnet</c>, <see cref="Garnet.DurableGarnet"/>; <c>garnet-nowait</c> without the commit wait).
/// </summary>
internal sealed class CrashServer(string kind) : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("crash-bench-");
    private RedisServer? _redis;
    private ChildServer.Running? _garnet;

    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (kind == "redis")
        {
            _redis ??= new RedisServer(new RedisServerOptions { AppendFsyncAlways = true });
            await _redis.StartAsync(cancellationToken);
            ConnectionString = _redis.ConnectionString;
            return;
        }

        string[] garnet = ["garnet", _directory.File("garnet"), .. kind == "garnet-nowait" ? ["--no-commit-wait"] : Array.Empty<string>()];
        (_garnet, var ready) = await ChildServer.StartAsync(cancellationToken, garnet);
        ConnectionString = ready;
    }

    /// <summary>SIGKILL: a crash.</summary>
    public async Task KillAsync()
    {
        if (_redis is not null)
        {
            await _redis.KillAsync();
        }
        else if (_garnet is not null)
        {
            await _garnet.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _directory.Dispose();
    }
}
