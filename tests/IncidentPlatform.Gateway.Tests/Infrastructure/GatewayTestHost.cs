using System.Net.Http.Headers;
using IncidentPlatform.Detector;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway (with the detector, as in the standalone host) in this process on a real loopback port: the embedded
/// store in a temporary directory and the in-memory bus. Tests talk to it over HTTP like any client.
/// </summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private GatewayTestHost(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="configure"/> may add configuration, services or bus consumers.</summary>
    public static async Task<GatewayTestHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? configuration = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<WebApplication>? map = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ip-gateway-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection([
            new(MessagingExtensions.TransportKey, MessagingExtensions.InMemory),
            new("IncidentPlatform:Store", "embedded"),
            new("IncidentPlatform:DataDirectory", dataDirectory),
            .. TestKeys.Configuration(),
            .. configuration ?? [],
        ]);
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.AddGatewayModule().AddDetectorModule();
        builder.AddMessaging(bus =>
        {
            bus.AddGatewayConsumers().AddDetectorConsumers();
            consumers?.Invoke(bus);
        });

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDetector();
        app.MapGateway();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayTestHost(app, dataDirectory, new Uri(address));
    }

    /// <summary>A client sending <paramref name="apiKey"/> in X-Api-Key (none when null).</summary>
    public HttpClient Client(string? apiKey = TestKeys.Admin)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
