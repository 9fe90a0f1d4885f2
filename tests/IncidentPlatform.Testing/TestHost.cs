using IncidentPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Testing;

/// <summary>
/// A started host (generic or web) that owns a temporary directory — for the embedded store, a policy file… — and
/// deletes it when the host is disposed. The per-service test hosts configure and build the host; this starts it and
/// cleans up.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestHost(IHost host, TempDirectory directory)
    {
        _host = host;
        Directory = directory;
    }

    /// <summary>The host's temporary directory.</summary>
    public TempDirectory Directory { get; }

    /// <summary>The host's container.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The address a web host is listening on (see <see cref="WebBuilder"/>).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The settings that put the embedded store in <c>data/</c> under <paramref name="directory"/>.</summary>
    public static KeyValuePair<string, string?>[] EmbeddedStore(TempDirectory directory) =>
    [
        new("IncidentPlatform:Store", "embedded"),
        new("IncidentPlatform:DataDirectory", directory.File("data")),
    ];

    /// <summary>
    /// A web application builder as the standalone host runs: the in-memory bus and the embedded store in
    /// <paramref name="directory"/>, on a free loopback port, logging warnings only.
    /// </summary>
    public static WebApplicationBuilder WebBuilder(TempDirectory directory)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection([
            new(MessagingExtensions.TransportKey, MessagingExtensions.InMemory),
            .. EmbeddedStore(directory),
        ]);
        return builder;
    }

    /// <summary>
    /// Creates a temporary directory named after <paramref name="prefix"/>, builds the host <paramref name="build"/>
    /// makes for it and starts it. When building or starting fails, the host and the directory are cleaned up.
    /// </summary>
    public static async Task<TestHost> StartAsync(string prefix, Func<TempDirectory, IHost> build)
    {
        var directory = new TempDirectory(prefix);
        IHost? host = null;
        try
        {
            host = build(directory);
            await host.StartAsync();
            return new TestHost(host, directory);
        }
        catch
        {
            await DisposeAsync(host);
            directory.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await DisposeAsync(_host);
        Directory.Dispose();
    }

    private static async ValueTask DisposeAsync(IHost? host)
    {
        if (host is IAsyncDisposable asynchronous)
        {
            await asynchronous.DisposeAsync();
        }
        else
        {
            host?.Dispose();
        }
    }
}
