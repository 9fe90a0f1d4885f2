using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Analysis.Tests.Providers;

/// <summary>Claude through the Anthropic API, against a fake that checks what we sent.</summary>
public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private const string ApiKey = "sk-ant-api03-test-key-0123456789";
    private FakeHttpServer _anthropic = null!;

    public async ValueTask InitializeAsync() => _anthropic = await FakeHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _anthropic.DisposeAsync();

    internal static Dictionary<string, string?> Configuration(Uri baseUrl) => new()
    {
        ["Analysis:Providers"] = "anthropic",
        ["Analysis:Anthropic:ApiKey"] = ApiKey,
        ["Analysis:Anthropic:Model"] = "claude-sonnet-4-5",
        ["Analysis:Anthropic:BaseUrl"] = baseUrl.ToString(),
        ["Analysis:Prices:claude-sonnet-4-5:InputPerMillion"] = "3",
        ["Analysis:Prices:claude-sonnet-4-5:OutputPerMillion"] = "15",
        ["Analysis:Timeout"] = "00:00:10",
    };

    [Fact]
    public async Task Analyze_WithTheAnthropicApi_PostsMessagesWithTheKeyAndVersionHeaders()
    {
        _anthropic.On(r => r.Method == "POST" && r.Path == "/v1/messages", 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion(), 1200, 300));
        await using var host = AnalysisTestHost.Create(Configuration(_anthropic.BaseAddress));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        var request = _anthropic.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/messages");
        request.Header("x-api-key").ShouldBe(ApiKey);
        request.Header("anthropic-version").ShouldBe("2023-06-01");
        request.Header("Authorization").ShouldBeNull("the key goes in x-api-key only");
        request.Header("Content-Type")!.ShouldStartWith("application/json");
        var body = request.Json();
        body.GetProperty("model").GetString().ShouldBe("claude-sonnet-4-5");
        body.GetProperty("max_tokens").GetInt32().ShouldBe(2048);
        body.GetProperty("system").ToString().ShouldContain("Catalog of actions");
        body.GetProperty("messages")[0].GetProperty("role").GetString().ShouldBe("user");

        analysis.Provider.ShouldBe("anthropic");
        analysis.Model.ShouldBe("claude-sonnet-4-5");
        analysis.Tokens.ShouldBe(1500);
        analysis.CostUsd.ShouldBe(0.0081m);
        analysis.Hypotheses[0].Evidence[0].ShouldStartWith("L3: HikariPool-1");
    }

    [Fact]
    public async Task Analyze_WhenTheKeyIsRejected_FallsBackToOfflineSayingSo()
    {
        _anthropic.On(_ => true, 401, """{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""");
        await using var host = AnalysisTestHost.Create(Configuration(_anthropic.BaseAddress));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        analysis.Provider.ShouldBe("offline");
        analysis.FallbackReason.ShouldNotBeNull().ShouldStartWith("anthropic: HTTP 401");
    }
}
