using System.Net.Http.Headers;
using IncidentPlatform.Detector;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway (with the detector, as in the standalone host) in this process on a real loopback port: the embedded
/// store in a temporary directory and the in-memory bus. Tests talk to it over HTTP like any client.
/// </summary>
internal sealed class GatewayTestHost(TestHost host) : IAsyncDisposable
{
    public Uri Address { get; } = host.Address;

    public IServiceProvider Services => host.Services;

    /// <summary>Starts a host; <paramref name="configure"/> may add configuration, services or bus consumers.</summary>
    public static async Task<GatewayTestHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? configuration = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<WebApplication>? map = null) =>
        new(await TestHost.StartAsync("ip-gateway-", directory =>
        {
            var builder = TestHost.WebBuilder(directory);
            builder.Configuration.AddInMemoryCollection([.. TestKeys.Configuration(), .. configuration ?? []]);
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
            return app;
        }));

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

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
