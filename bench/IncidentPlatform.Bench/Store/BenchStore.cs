using IncidentPlatform.Bench.Garnet;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Store;

/// <summary>
/// A store to measure, registered exactly as a service registers it (<c>AddIncidentStore</c>): the embedded journal
/// store in a temporary directory, or the Redis store against a redis-server started here (<c>appendfsync everysec</c>,
/// Redis's default, or <c>always</c>), against Garnet in this process (<see cref="DurableGarnet"/>: its AOF with commit
/// wait), or against a server already running.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    public static readonly string[] Kinds = ["embedded", "redis", "redis-always", "garnet"];

    private readonly ServiceProvider _services;
    private readonly IAsyncDisposable? _server;
    private readonly TempDirectory _directory;

    private BenchStore(string name, ServiceProvider services, IAsyncDisposable? server, TempDirectory directory)
    {
        Name = name;
        _services = services;
        _server = server;
        _directory = directory;
        Incidents = services.GetRequiredService<IIncidentStore>();
    }

    public string Name { get; }

    public IIncidentStore Incidents { get; }

    /// <summary>Every store interface, as registered.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The Redis store's multiplexer; null for the embedded store.</summary>
    public IConnectionMultiplexer? Redis => _services.GetService<IConnectionMultiplexer>();

    /// <summary>
    /// Opens one of <see cref="Kinds"/>, or <c>redis-at:CONNECTION-STRING</c> (a server already running), with
    /// <paramref name="more"/> settings.
    /// </summary>
    public static async Task<BenchStore> OpenAsync(
        string kind, CancellationToken cancellationToken, params (string Key, string Value)[] more)
    {
        var directory = new TempDirectory("store-bench-");
        var (name, server, connectionString) = kind switch
        {
            "embedded" => ("embedded (journal, group commit)", null, null),
            "redis" or "redis-always" => await StartRedisAsync(kind == "redis-always", cancellationToken),
            "garnet" => StartGarnet(directory.File("garnet")),
            _ when kind.StartsWith("redis-at:", StringComparison.Ordinal) => (kind, null, kind["redis-at:".Length..]),
            _ => throw new ArgumentException($"Unknown store '{kind}'.", nameof(kind)),
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = directory.Path,
        });
        builder.Configuration.AddInMemoryCollection(connectionString is null
            ? [new("IncidentPlatform:Store", "embedded"), new("IncidentPlatform:DataDirectory", directory.File("data"))]
            : [new("ConnectionStrings:redis", connectionString)]);
        builder.Configuration.AddInMemoryCollection(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)));
        builder.AddIncidentStore();
        return new BenchStore(name, builder.Services.BuildServiceProvider(), server, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _directory.Dispose();
    }

    private static async Task<(string, IAsyncDisposable?, string?)> StartRedisAsync(bool always, CancellationToken cancellationToken)
    {
        var server = await RedisServer.StartNewAsync(new RedisServerOptions { AppendFsyncAlways = always }, cancellationToken);
        return (always ? "redis (appendfsync always)" : "redis (appendfsync everysec)", server, server.ConnectionString);
    }

    private static (string, IAsyncDisposable?, string?) StartGarnet(string directory)
    {
        var garnet = DurableGarnet.Start(directory);
        return ("garnet (in-process, AOF, commit wait)", garnet, garnet.ConnectionString);
    }
}
