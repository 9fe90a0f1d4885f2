using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Throttling;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>
/// The notifier module and its consumers in a host with MassTransit's test harness (in-memory bus), the embedded store
/// in a temporary directory and a settable clock, configured like the service (<c>Notifier:…</c> keys).
/// </summary>
internal sealed class NotifierHost(TestHost host, ManualTimeProvider time) : IAsyncDisposable
{
    public ManualTimeProvider Time { get; } = time;

    public ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    public IServiceProvider Services => host.Services;

    /// <summary>
    /// Starts a host on the embedded store in a temporary directory, or on the Redis store at <paramref name="redis"/>
    /// (as a distributed notifier runs); <paramref name="configure"/> adds to the host (a logger provider…).
    /// </summary>
    public static async Task<NotifierHost> StartAsync(
        IDictionary<string, string?> configuration, DateTimeOffset? now = null, string? redis = null,
        Action<HostApplicationBuilder>? configure = null)
    {
        var time = new ManualTimeProvider(now ?? TestData.Now);
        var host = await TestHost.StartAsync("ip-notifier-", directory =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                DisableDefaults = true, EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifier:FlushInterval"] = "01:00:00", // tests flush by hand
            });
            builder.Configuration.AddInMemoryCollection(redis is null
                ? TestHost.EmbeddedStore(directory)
                : [new KeyValuePair<string, string?>("ConnectionStrings:redis", redis)]);
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<TimeProvider>(time);
            // The services' defaults, with the shared resilience pipeline on every HttpClient: the channels must opt
            // out of its retries, or a vendor would see more requests than the delivery's attempts.
            builder.AddServiceDefaults();
            builder.AddNotifierModule();
            configure?.Invoke(builder);
            builder.Services.AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200));
                bus.AddNotifierConsumers();
            });
            return builder.Build();
        });
        return new NotifierHost(host, time);
    }

    /// <summary>Stores <paramref name="incident"/> in the notifier's (embedded) store, as the detector would have.</summary>
    public async Task<Incident> OpenAsync(Incident incident) =>
        (await Services.GetRequiredService<IIncidentStore>().FindOrOpenAsync(incident.Fingerprint, incident)).Incident;

    /// <summary>Publishes and waits until the notifier's consumer has finished with the message.</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        // Polls rather than waiting on the harness, whose waits end early when the bus is quiet for its inactivity
        // timeout (a delivery waiting out a Retry-After is quiet).
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(10))
        {
            if (Harness.Consumed.Select<T>(m => m.Context.MessageId == id && m.Exception is null).Any())
            {
                return;
            }

            if (waited > TimeSpan.FromSeconds(30))
            {
                var errors = Harness.Consumed.Select<T>(m => m.Context.MessageId == id && m.Exception is not null)
                    .Select(m => m.Exception!.ToString());
                throw new ShouldAssertException($"{typeof(T).Name} was not consumed. Failed attempts: {string.Join("\n", errors)}");
            }

            await Task.Delay(10);
        }
    }

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(string incidentId) =>
        await Services.GetRequiredService<DeliveryLog>().ReadAsync(incidentId, CancellationToken.None);

    /// <summary>Moves the clock past the coalescing window and sends what is due.</summary>
    public Task<int> FlushAsync(TimeSpan advance)
    {
        Time.Advance(advance);
        return Services.GetServices<IHostedService>().OfType<CoalescedUpdateFlusher>().Single().FlushAsync(CancellationToken.None);
    }

    public async Task<NotificationCommandResult> RequestAsync(SendNotification command)
    {
        var client = Harness.GetRequestClient<SendNotification>();
        var response = await client.GetResponse<NotificationCommandResult>(command);
        return response.Message;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
