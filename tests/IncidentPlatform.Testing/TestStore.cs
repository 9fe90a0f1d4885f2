using IncidentPlatform.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Testing;

/// <summary>
/// A real store for tests, registered exactly as the services register it (<c>AddIncidentStore</c>): the embedded store
/// in a fresh temporary directory, or the Redis store on a given server. Resolve the interfaces from <see cref="Services"/>.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _directory;

    private TestStore(IHost host, string? directory)
    {
        _host = host;
        _directory = directory;
    }

    /// <summary>The container holding the store interfaces.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The incident store.</summary>
    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    /// <summary>An embedded store in a new temporary directory, with the given clock (the system clock by default).</summary>
    public static Task<TestStore> EmbeddedAsync(TimeProvider? time = null)
    {
        var directory = Directory.CreateTempSubdirectory("ip-store-").FullName;
        return StartAsync(time, directory, [new("IncidentPlatform:Store", "embedded"), new("IncidentPlatform:DataDirectory", directory)]);
    }

    /// <summary>The Redis store on <paramref name="connectionString"/>.</summary>
    public static Task<TestStore> RedisAsync(string connectionString, TimeProvider? time = null) =>
        StartAsync(time, null, [new("ConnectionStrings:redis", connectionString)]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<TestStore> StartAsync(TimeProvider? time, string? directory, KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddIncidentStore();
        var host = builder.Build();
        await host.StartAsync();
        return new TestStore(host, directory);
    }
}
