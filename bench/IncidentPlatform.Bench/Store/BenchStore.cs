using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Store;

/// <summary>
/// A store to measure, registered exactly as a service registers it (<c>AddIncidentStore</c>): the embedded store in a
/// temporary directory, or the Redis store against a redis-server started here (<c>appendfsync everysec</c>, Redis's
/// default, or <c>always</c>).
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly RedisServer? _server;
    private readonly string _directory;

    private BenchStore(string name, ServiceProvider services, RedisServer? server, string directory)
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
    /// Opens <c>embedded</c>, <c>redis</c> (everysec), <c>redis-always</c>, or <c>redis-at:CONNECTION-STRING</c> (a
    /// server already running).
    /// </summary>
    public static async Task<BenchStore> OpenAsync(string kind, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("store-bench-").FullName;
        RedisServer? server = null;
        Dictionary<string, string?> settings;
        if (kind == "embedded")
        {
            settings = new() { ["IncidentPlatform:Store"] = "embedded", ["IncidentPlatform:DataDirectory"] = directory };
        }
        else if (kind.StartsWith("redis-at:", StringComparison.Ordinal))
        {
            settings = new() { ["ConnectionStrings:redis"] = kind["redis-at:".Length..] };
        }
        else
        {
            server = await RedisServer.StartNewAsync(
                new RedisServerOptions { AppendFsyncAlways = kind == "redis-always" }, cancellationToken);
            settings = new() { ["ConnectionStrings:redis"] = server.ConnectionString };
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = directory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIncidentStore();
        var name = kind switch
        {
            "embedded" => "embedded (journal, group commit)",
            "redis" => "redis (appendfsync everysec)",
            "redis-always" => "redis (appendfsync always)",
            _ => kind,
        };
        return new BenchStore(name, builder.Services.BuildServiceProvider(), server, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
