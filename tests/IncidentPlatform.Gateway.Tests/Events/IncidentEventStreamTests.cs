using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;

namespace IncidentPlatform.Gateway.Tests.Events;

public sealed class IncidentEventStreamTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    [Fact]
    public async Task Events_AlertOpensIncident_StreamCarriesIncidentOpened()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var stream = await EventStream.OpenAsync(host);

        (await host.Client(TestKeys.Writer).PostAsync("/api/alerts", Wire.Alert(title: "Queue backlog", service: "billing"))).EnsureSuccessStatusCode();
        var opened = await stream.NextAsync(e => e.GetProperty("type").GetString() == "IncidentOpened");

        opened.GetProperty("incident").GetProperty("title").GetString().ShouldBe("Queue backlog");
        opened.GetProperty("incident").GetProperty("severity").GetString().ShouldBe("high");
    }

    [Fact]
    public async Task Events_CommandsAreNotStreamed_EventsAre()
    {
        var (host, _) = await FakeOwners.StartHostAsync();
        await using var __ = host;
        var incident = await Incidents.IncidentSeed.OpenAsync(host.Services, "svc", IncidentPlatform.Contracts.Severity.High, DateTimeOffset.UtcNow);
        await using var stream = await EventStream.OpenAsync(host);
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Writer);

        await client.CallAsync("slack_notifications", new { id = incident.Id });
        await client.CallAsync("incident_management", new { action = "acknowledge", id = incident.Id });
        var first = await stream.NextAsync(_ => true);

        first.GetProperty("type").GetString().ShouldBe("IncidentUpdated");
        first.GetProperty("incident").GetProperty("status").GetString().ShouldBe("acknowledged");
    }

    [Fact]
    public async Task Events_WithoutReadScope_Returns401()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Events_TwoGatewaysOnRabbitMq_EachReceivesEveryEvent()
    {
        KeyValuePair<string, string?>[] bus = [new("Messaging:Transport", "rabbitmq"), new("ConnectionStrings:messaging", rabbit.Server.ConnectionString)];
        await using var first = await GatewayTestHost.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(bus));
        await using var second = await GatewayTestHost.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(bus));
        await using var firstStream = await EventStream.OpenAsync(first);
        await using var secondStream = await EventStream.OpenAsync(second);
        // Until its bus is connected a gateway answers 503 rather than promise what it cannot keep: wait for health.
        foreach (var host in new[] { first, second })
        {
            await Eventually.GetAsync(async () =>
            {
                using var health = await host.Client(apiKey: null).GetAsync("/health");
                return health.StatusCode;
            }, status => status == HttpStatusCode.OK, "the gateway healthy, its bus connected");
        }

        (await first.Client(TestKeys.Writer).PostAsync("/api/alerts", Wire.Alert(title: "Replicated event", service: "fanout"))).EnsureSuccessStatusCode();

        var a = await firstStream.NextAsync(e => e.GetProperty("type").GetString() == "IncidentOpened", TimeSpan.FromSeconds(30));
        var b = await secondStream.NextAsync(e => e.GetProperty("type").GetString() == "IncidentOpened", TimeSpan.FromSeconds(30));
        a.GetProperty("incidentId").GetString().ShouldBe(b.GetProperty("incidentId").GetString());
    }

    /// <summary>An open <c>/api/events</c> response read line by line.</summary>
    private sealed class EventStream(HttpClient client, HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
    {
        public static async Task<EventStream> OpenAsync(GatewayTestHost host)
        {
            var client = host.Client(TestKeys.Reader);
            client.Timeout = Timeout.InfiniteTimeSpan;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            (await reader.ReadLineAsync()).ShouldBe(": connected");
            return new EventStream(client, response, reader);
        }

        public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                    if (match(data))
                    {
                        return data;
                    }
                }
            }

            throw new InvalidOperationException("The event stream ended.");
        }

        public ValueTask DisposeAsync()
        {
            reader.Dispose();
            response.Dispose();
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
