using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Every message of a type the host published, as received by a consumer on its bus.</summary>
internal sealed class Collected<T> where T : class
{
    public ConcurrentQueue<T> Messages { get; } = new();

    /// <summary>Registers the collector's service (for <see cref="GatewayTestHost"/>'s configure callback).</summary>
    public static void Register(WebApplicationBuilder builder) => builder.Services.AddSingleton<Collected<T>>();

    /// <summary>Registers its consumer (for <see cref="GatewayTestHost"/>'s consumers callback).</summary>
    public static void Consume(IBusRegistrationConfigurator bus) => bus.AddConsumer<Collector>();

    /// <summary>Records each message into the host's <see cref="Collected{T}"/>.</summary>
    public sealed class Collector(Collected<T> collected) : IConsumer<T>
    {
        public Task Consume(ConsumeContext<T> context)
        {
            collected.Messages.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
