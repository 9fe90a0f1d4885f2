using System.Net;
using IncidentPlatform.ServiceDefaults.Http;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class ResiliencePipelineTests
{
    private static readonly HttpResilienceOptions Fast = new()
    {
        MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public async Task Get_TransientFailuresThenSuccess_IsRetriedUntilItSucceeds()
    {
        await using var server = await FakeHttpServer.StartAsync();
        var calls = 0;
        server.On(_ => true, async (_, response) =>
        {
            response.StatusCode = Interlocked.Increment(ref calls) < 3 ? 503 : 200;
            await response.WriteAsync("{}");
        });
        using var client = Client(server);

        using var response = await client.GetAsync("/thing");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Post_ServerError_IsNotRetriedBecauseTheServerMayHaveActed()
    {
        await using var server = await FakeHttpServer.StartAsync();
        server.On(_ => true, 500);
        using var client = Client(server);

        using var response = await client.PostAsync("/thing", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_TooManyRequestsWithRetryAfter_IsRetriedAfterTheGivenDelay()
    {
        await using var server = await FakeHttpServer.StartAsync();
        var calls = 0;
        server.On(_ => true, async (_, response) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                response.StatusCode = 429;
                response.Headers.RetryAfter = "1";
                return;
            }

            response.StatusCode = 200;
            await response.WriteAsync("ok");
        });
        using var client = Client(server);

        using var response = await client.PostAsync("/thing", new StringContent("same body"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Select(r => r.BodyText).ShouldBe(["same body", "same body"]);
    }

    [Fact]
    public async Task Get_WithNoRetryOption_IsSentOnce()
    {
        await using var server = await FakeHttpServer.StartAsync();
        server.On(_ => true, 503);
        using var client = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thing");
        request.Options.Set(ResiliencePipelineFactory.NoRetry, true);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_ClientError_IsNotRetried()
    {
        await using var server = await FakeHttpServer.StartAsync();
        server.On(_ => true, 404);
        using var client = Client(server);

        using var response = await client.GetAsync("/thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Requests.Count.ShouldBe(1);
    }

    private static HttpClient Client(FakeHttpServer server)
    {
        var handler = new ResilienceHandler(ResiliencePipelineFactory.Create(Fast)) { InnerHandler = new HttpClientHandler() };
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }
}
