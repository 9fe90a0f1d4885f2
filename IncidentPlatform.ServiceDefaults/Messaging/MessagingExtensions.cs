using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.ServiceDefaults.Messaging;

/// <summary>Configures MassTransit once per process, on RabbitMQ or on the in-memory transport.</summary>
public static class MessagingExtensions
{
    /// <summary>The configuration key that selects the transport: <c>rabbitmq</c> (default) or <c>in-memory</c>.</summary>
    public const string TransportKey = "Messaging:Transport";

    /// <summary>The value of <see cref="TransportKey"/> that selects the in-memory transport.</summary>
    public const string InMemory = "in-memory";

    /// <summary>
    /// Registers MassTransit with the given consumer sets. RabbitMQ comes from <c>ConnectionStrings:messaging</c>
    /// (required, validated now so a bad value stops the service at start); the standalone host sets
    /// <c>Messaging:Transport=in-memory</c> instead. Call once, after every module has been added.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] consumerSets)
    {
        var transport = builder.Configuration[TransportKey];
        var rabbit = string.Equals(transport, InMemory, StringComparison.OrdinalIgnoreCase)
            ? null
            : RabbitMqEndpoint.Parse(builder.Configuration.GetRequiredConnectionString(
                ResourceNames.Messaging, RabbitMqEndpoint.Example));

        // MassTransit's bus check under the resource's name, tagged for readiness, and read strictly: with no endpoint
        // receiving (the broker is down) the service is not ready. Every service has receive endpoints.
        builder.Services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>>(new BusReadinessCheck.Wrap(ResourceNames.Messaging));
        builder.Services.AddSingleton<IErrorQueue>(rabbit is null ? new InMemoryErrorQueue() : new RabbitMqErrorQueue(rabbit));
        builder.Services.AddSingleton<DeadLetterOperator>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = ResourceNames.Messaging;
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Add(HealthTags.Ready);
            });
            // MassTransit 8.4+ reports anonymous usage to its authors over HTTP; a self-hosted platform sends nothing.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter());
            // A message that exhausted its retries is recorded for operators, then faulted and moved to <queue>_error
            // as MassTransit does by default (configuring the error pipe replaces its default steps, so they are named).
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.ConfigureError(error =>
            {
                error.UseFilter(new DeadLetterRecordFilter(context));
                error.UseFilter(new GenerateFaultFilter());
                error.UseFilter(new ErrorTransportFilter());
            }));
            foreach (var consumers in consumerSets)
            {
                consumers(bus);
            }

            if (rabbit is null)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                        if (rabbit.UseTls)
                        {
                            h.UseSsl(ssl => ssl.ServerName = rabbit.Host);
                        }
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }
}
