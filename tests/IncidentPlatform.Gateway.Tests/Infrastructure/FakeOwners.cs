using System.Collections.Concurrent;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// Stand-ins for the services that answer the gateway's requests over the bus (analysis, notifier,
/// remediation), recording what the gateway sent so tests can assert on it.
/// </summary>
internal sealed class FakeOwners
{
    public ConcurrentQueue<object> Received { get; } = new();

    public IEnumerable<T> Of<T>() => Received.OfType<T>();

    public Func<DecideRemediation, RemediationCommandResult>? Decide { get; set; }

    public RemediationPolicySnapshot Policy { get; set; } = new() { Loaded = false };

    public Func<SuggestRemediations, RemediationSuggestions>? Suggest { get; set; }

    public static async Task<(GatewayTestHost Host, FakeOwners Fakes)> StartHostAsync(
        IEnumerable<KeyValuePair<string, string?>>? configuration = null, Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null)
    {
        var fakes = new FakeOwners();
        var host = await GatewayTestHost.StartAsync(configuration, builder =>
        {
            builder.Services.AddSingleton(fakes);
            configure?.Invoke(builder);
        }, bus =>
        {
            bus.AddConsumer<SendNotificationFake>();
            bus.AddConsumer<DecideRemediationFake>();
            bus.AddConsumer<AnalyzeIncidentFake>();
            bus.AddConsumer<GetRemediationPolicyFake>();
            bus.AddConsumer<SuggestRemediationsFake>();
        }, map);
        return (host, fakes);
    }

    public sealed class SendNotificationFake(FakeOwners fakes) : IConsumer<SendNotification>
    {
        public Task Consume(ConsumeContext<SendNotification> context)
        {
            var m = context.Message;
            fakes.Received.Enqueue(m);
            return context.RespondAsync(new NotificationCommandResult
            {
                Accepted = true,
                Deliveries =
                [
                    new NotificationDelivery
                    {
                        Id = "dlv-1", IncidentId = m.IncidentId, Channel = m.Channel ?? "ops", ChannelType = "slack-webhook",
                        EventType = "Manual", Status = m.Preview ? DeliveryStatus.Preview : DeliveryStatus.Delivered,
                        At = m.OccurredAt, Text = new string('x', 5000),
                    },
                ],
            });
        }
    }

    public sealed class DecideRemediationFake(FakeOwners fakes) : IConsumer<DecideRemediation>
    {
        public Task Consume(ConsumeContext<DecideRemediation> context)
        {
            fakes.Received.Enqueue(context.Message);
            return context.RespondAsync(fakes.Decide?.Invoke(context.Message)
                ?? new RemediationCommandResult { Accepted = false, Status = 404, Error = "No such remediation." });
        }
    }

    public sealed class GetRemediationPolicyFake(FakeOwners fakes) : IConsumer<GetRemediationPolicy>
    {
        public Task Consume(ConsumeContext<GetRemediationPolicy> context)
        {
            fakes.Received.Enqueue(context.Message);
            return context.RespondAsync(fakes.Policy);
        }
    }

    public sealed class SuggestRemediationsFake(FakeOwners fakes) : IConsumer<SuggestRemediations>
    {
        public Task Consume(ConsumeContext<SuggestRemediations> context)
        {
            fakes.Received.Enqueue(context.Message);
            return context.RespondAsync(fakes.Suggest?.Invoke(context.Message) ?? new RemediationSuggestions
            {
                IncidentId = context.Message.IncidentId, Found = false, PolicyVersion = "", Suggestions = [],
            });
        }
    }

    /// <summary>Writes an analysis into the store, as the analysis service does.</summary>
    public sealed class AnalyzeIncidentFake(FakeOwners fakes, IIncidentStore store) : IConsumer<AnalyzeIncident>
    {
        public async Task Consume(ConsumeContext<AnalyzeIncident> context)
        {
            fakes.Received.Enqueue(context.Message);
            await store.UpdateAsync(context.Message.IncidentId, incident => incident with
            {
                Analysis = new IncidentAnalysis
                {
                    Category = AnalysisCategories.ConnectionPoolExhaustion, Severity = Severity.High, Provider = "offline",
                    AnalyzedAt = DateTimeOffset.UtcNow,
                    Hypotheses = [new Hypothesis { Summary = "The database pool is exhausted.", Confidence = 0.8 }],
                },
            });
        }
    }
}
