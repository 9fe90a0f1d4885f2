using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace IncidentPlatform.Gateway.Tests.DeadLetters;

/// <summary>
/// On a real RabbitMQ, and on the standalone host's in-memory bus with the embedded store: a poisoned consumer sends its
/// messages to <c>&lt;queue&gt;_error</c>; they are listed with their error, make health degraded, and once the consumer is
/// fixed an admin redelivers one (handled to completion) and discards the other (gone from the RabbitMQ error queue,
/// never handled).
/// </summary>
public sealed class DeadLetterTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    private const string Queue = "gateway-poisonable";

    private sealed class PoisonableConsumer : IConsumer<VerifyAuditTrail>
    {
        public static volatile bool Poisoned;
        public static readonly ConcurrentQueue<string> Handled = new();

        public Task Consume(ConsumeContext<VerifyAuditTrail> context)
        {
            if (Poisoned)
            {
                throw new InvalidOperationException($"poisoned consumer refused {context.Message.IncidentId}");
            }

            Handled.Enqueue(context.Message.IncidentId);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeadLetters_PoisonedConsumerFixed_RedeliveredOneCompletesAndDiscardedOneIsGone(bool onRabbitMq)
    {
        PoisonableConsumer.Poisoned = true;
        PoisonableConsumer.Handled.Clear();
        KeyValuePair<string, string?>[] bus = onRabbitMq
            ? [new("Messaging:Transport", "rabbitmq"), new("ConnectionStrings:messaging", rabbit.Server.ConnectionString)]
            : [];
        await using var host = await GatewayTestHost.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(bus),
            consumers: c => c.AddConsumer<PoisonableConsumer>());
        await Eventually.GetAsync(() => HealthAsync(host), h => h.Status == "Healthy", "the gateway healthy, its bus connected");

        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>(), "incidentplatform.messaging");
        foreach (var incident in new[] { "inc-redeliver", "inc-discard" })
        {
            await host.Services.GetRequiredService<IBus>().Publish(new VerifyAuditTrail { IncidentId = incident, OccurredAt = DateTimeOffset.UtcNow });
        }

        var listed = await Eventually.GetAsync(() => ListAsync(host), items => items.Count == 2, "both messages dead-lettered");
        foreach (var item in listed)
        {
            item.GetProperty("queue").GetString().ShouldBe(Queue);
            item.GetProperty("errorQueue").GetString().ShouldBe(Queue + "_error");
            item.GetProperty("exceptionType").GetString().ShouldBe("System.InvalidOperationException");
            item.GetProperty("exceptionMessage").GetString()!.ShouldStartWith("poisoned consumer refused inc-");
            item.GetProperty("messageTypes").EnumerateArray().Select(t => t.GetString()).ShouldContain("urn:message:IncidentPlatform.Contracts:VerifyAuditTrail");
        }

        metrics.Total("incidentplatform.messaging.dead_letters", ("queue", Queue)).ShouldBe(2);
        if (onRabbitMq)
        {
            // The record is written before MassTransit moves the message to the error queue: wait for the move.
            await Eventually.GetAsync(ErrorQueueLengthAsync, n => n == 2u, "both messages in the error queue");
        }

        var degraded = await HealthAsync(host);
        (degraded.Code, degraded.Status).ShouldBe((HttpStatusCode.OK, "Degraded"));
        var redeliver = listed[0].GetProperty("id").GetString()!;
        var discard = listed[1].GetProperty("id").GetString()!;
        using var notAdmin = await host.Client(TestKeys.Writer).PostAsync($"/api/dead-letters/{redeliver}/redeliver", null);
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        PoisonableConsumer.Poisoned = false;
        using var redelivered = await host.Client().PostAsync($"/api/dead-letters/{redeliver}/redeliver", null);
        using var discarded = await host.Client().PostAsync($"/api/dead-letters/{discard}/discard", null);
        using var unknown = await host.Client().PostAsync("/api/dead-letters/nothing/redeliver", null);

        redelivered.StatusCode.ShouldBe(HttpStatusCode.OK, await redelivered.Content.ReadAsStringAsync());
        discarded.StatusCode.ShouldBe(HttpStatusCode.OK, await discarded.Content.ReadAsStringAsync());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Eventually.TrueAsync(() => PoisonableConsumer.Handled.Count == 1, "the redelivered message handled");
        PoisonableConsumer.Handled.ShouldBe([listed[0].GetProperty("exceptionMessage").GetString()!["poisoned consumer refused ".Length..]]);
        (await ListAsync(host)).ShouldBeEmpty();
        if (onRabbitMq)
        {
            (await ErrorQueueLengthAsync()).ShouldBe(0u);
        }

        (await HealthAsync(host)).Status.ShouldBe("Healthy");
    }

    private static async Task<List<JsonElement>> ListAsync(GatewayTestHost host) =>
        [.. (await host.Client(TestKeys.Reader).GetFromJsonAsync<JsonElement>("/api/dead-letters")).GetProperty("items").EnumerateArray()];

    private static async Task<(HttpStatusCode Code, string? Status)> HealthAsync(GatewayTestHost host)
    {
        using var response = await host.Client(apiKey: null).GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("status").GetString());
    }

    private async Task<uint> ErrorQueueLengthAsync()
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = rabbit.Server.Port };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(Queue + "_error")).MessageCount;
    }
}
