using System.Net;
using System.Net.Sockets;
using IncidentPlatform.ServiceDefaults.Http;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace IncidentPlatform.ServiceDefaults.Tests;

/// <summary>The standard resilience handler every client gets from the defaults, and the clients that opt out of retries.</summary>
public sealed class HttpResilienceTests
{
    private const string Once = "send-once";

    [Theory]
    [InlineData("GET", 503, "", 2)] // retried until it succeeds
    [InlineData("PUT", 500, "", 2)] // idempotent: sending it again does no harm
    [InlineData("POST", 503, "", 2)] // the server certainly did not act on it
    [InlineData("POST", 500, "", 1)] // the server may have acted on it
    [InlineData("GET", 404, "", 1)] // not transient
    [InlineData("GET", 503, Once, 1)] // the caller retries on its own terms
    public async Task Send_FirstAnswerThenSuccess_IsSentAsOftenAsThePolicySays(string method, int first, string client, int sent)
    {
        await using var server = await FailingFirstAsync(first);
        using var http = Clients().CreateClient(client);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(server.BaseAddress, "/thing"))
        {
            Content = method == "GET" ? null : new StringContent("{}"),
        });

        server.Requests.Count.ShouldBe(sent);
        ((int)response.StatusCode).ShouldBe(sent == 1 ? first : 200);
    }

    [Fact]
    public async Task Get_MaxRetryAttemptsConfigured_StopsAfterThatMany()
    {
        await using var server = await FailingFirstAsync(503, failures: 3);
        using var client = Clients(maxRetries: 1).CreateClient();

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/thing"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_TooManyRequestsWithRetryAfter_IsSentAgainWithTheSameBody()
    {
        await using var server = await FailingFirstAsync(429, retryAfter: "1");
        using var client = Clients().CreateClient("some-vendor");

        using var response = await client.PostAsync(new Uri(server.BaseAddress, "/thing"), new StringContent("same body"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Select(r => r.BodyText).ShouldBe(["same body", "same body"]);
    }

    [Fact]
    public async Task WithoutRetries_RegisteredBeforeTheDefaults_IsStillSentOnce()
    {
        await using var server = await FakeHttpServer.StartAsync();
        server.On(_ => true, 503);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHttpClient(Once).WithoutRetries();
        builder.AddServiceDefaults();
        using var client = builder.Build().Services.GetRequiredService<IHttpClientFactory>().CreateClient(Once);

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/thing"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public void ShouldRetry_ConnectionRefused_RetriesEveryMethodBecauseNothingWasSent(string method)
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        HttpResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(refused), new HttpRequestMessage(new HttpMethod(method), "http://x/"))
            .ShouldBeTrue();
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void ShouldRetry_ConnectionResetMidRequest_RetriesOnlyIdempotentMethods(string method, bool retried)
    {
        var reset = new HttpRequestException("reset", new IOException("connection reset by peer"));

        HttpResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(reset), new HttpRequestMessage(new HttpMethod(method), "http://x/"))
            .ShouldBe(retried);
    }

    private static IHttpClientFactory Clients(int? maxRetries = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Http:Resilience:Retry:Delay"] = "00:00:00.010";
        if (maxRetries is not null)
        {
            builder.Configuration["Http:Resilience:Retry:MaxRetryAttempts"] = $"{maxRetries}";
        }

        builder.AddServiceDefaults();
        builder.Services.AddHttpClient(Once).WithoutRetries();
        return builder.Build().Services.GetRequiredService<IHttpClientFactory>();
    }

    private static async Task<FakeHttpServer> FailingFirstAsync(int status, string? retryAfter = null, int failures = 1)
    {
        var server = await FakeHttpServer.StartAsync();
        var calls = 0;
        server.On(_ => true, async (_, response) =>
        {
            if (Interlocked.Increment(ref calls) <= failures)
            {
                response.StatusCode = status;
                if (retryAfter is not null)
                {
                    response.Headers.RetryAfter = retryAfter;
                }

                return;
            }

            response.StatusCode = 200;
            await response.WriteAsync("ok");
        });
        return server;
    }
}
