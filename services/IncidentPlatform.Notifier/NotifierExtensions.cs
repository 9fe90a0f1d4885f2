using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Consumers;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Notifier.Throttling;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Http;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier;

/// <summary>
/// The notifier routes and delivers notifications. Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddNotifier"/> for a process of its own, or <see cref="AddNotifierModule"/> plus
/// <see cref="AddNotifierConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class NotifierExtensions
{
    /// <summary>Adds the notifier and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddNotifier(this IHostApplicationBuilder builder)
    {
        builder.AddNotifierModule();
        return builder.AddMessaging(bus => bus.AddNotifierConsumers());
    }

    /// <summary>
    /// Adds the notifier's services and options (<c>Notifier:Channels</c>, <c>Notifier:Routes</c>, validated at start),
    /// without the bus, and the incident store (documents, append log, idempotency, cache, counters, leases, incidents).
    /// </summary>
    public static IHostApplicationBuilder AddNotifierModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        var services = builder.Services;
        services.AddOptions<NotifierOptions>().BindConfiguration(NotifierOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotifierOptions>, NotifierOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The dispatcher retries deliveries itself, with their idempotency keys; the client sends each attempt once
        // (10 s per attempt, the resilience handler's timeout).
        services.AddHttpClient(VendorHttp.ClientName).WithoutRetries();

        services.AddSingleton<ChannelStateStore>();
        services.AddSingleton<ChannelFactory>();
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<Router>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<StormGuard>();
        services.AddSingleton<UpdateCoalescer>();
        services.AddSingleton<DeliveryGates>();
        services.AddSingleton<DeliveryIdempotency>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<ChannelSender>();
        services.AddScoped<DeliveryRecorder>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<ManualNotifier>();

        services.AddSingleton<FlusherHealth>();
        services.AddHostedService<CoalescedUpdateFlusher>();
        services.AddHealthChecks().AddCheck<FlusherHealth>("notifier-flusher", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>Registers the notifier's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddNotifierConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IncidentOpenedConsumer, IncidentOpenedConsumerDefinition>();
        bus.AddConsumer<IncidentUpdatedConsumer, IncidentUpdatedConsumerDefinition>();
        bus.AddConsumer<IncidentResolvedConsumer, IncidentResolvedConsumerDefinition>();
        bus.AddConsumer<IncidentAnalyzedConsumer, IncidentAnalyzedConsumerDefinition>();
        bus.AddConsumer<RemediationProposedConsumer, RemediationProposedConsumerDefinition>();
        bus.AddConsumer<ApprovalRequestedConsumer, ApprovalRequestedConsumerDefinition>();
        bus.AddConsumer<RemediationApprovedConsumer, RemediationApprovedConsumerDefinition>();
        bus.AddConsumer<RemediationRejectedConsumer, RemediationRejectedConsumerDefinition>();
        bus.AddConsumer<RemediationExecutedConsumer, RemediationExecutedConsumerDefinition>();
        bus.AddConsumer<RemediationFailedConsumer, RemediationFailedConsumerDefinition>();
        bus.AddConsumer<RemediationInterruptedConsumer, RemediationInterruptedConsumerDefinition>();
        bus.AddConsumer<SendNotificationConsumer, SendNotificationConsumerDefinition>();
        return bus;
    }

    /// <summary>Maps the notifier's endpoints (none: its API is the bus; the gateway serves the delivery log).</summary>
    public static WebApplication MapNotifier(this WebApplication app)
    {
        return app;
    }
}
