using Microsoft.AspNetCore.Http;
using System.Text.Json;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Analysis.Tests.Providers;

/// <summary>The provider chain: timeouts and errors fall through to the next provider; invalid replies get one repair.</summary>
public sealed class FallbackTests : IAsyncLifetime
{
    private FakeHttpServer _bedrock = null!;
    private FakeHttpServer _anthropic = null!;

    public async ValueTask InitializeAsync()
    {
        _bedrock = await FakeHttpServer.StartAsync();
        _anthropic = await FakeHttpServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bedrock.DisposeAsync();
        await _anthropic.DisposeAsync();
    }

    private Dictionary<string, string?> Chain(string timeout = "00:00:10")
    {
        var configuration = BedrockProviderTests.Configuration(_bedrock.BaseAddress);
        foreach (var (key, value) in AnthropicProviderTests.Configuration(_anthropic.BaseAddress))
        {
            configuration[key] = value;
        }

        configuration["Analysis:Providers"] = "bedrock,anthropic,offline";
        configuration["Analysis:Timeout"] = timeout;
        return configuration;
    }

    [Fact]
    public async Task Analyze_WhenBedrockTimesOut_TheAnthropicApiAnswersAndTheFallbackIsExplained()
    {
        _bedrock.On(_ => true, async (_, response) => await Task.Delay(TimeSpan.FromSeconds(30), response.HttpContext.RequestAborted));
        _anthropic.On(_ => true, 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion()));
        await using var host = AnalysisTestHost.Create(Chain(timeout: "00:00:01"));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        _bedrock.Requests.Count.ShouldBe(1);
        _anthropic.Requests.Count.ShouldBe(1);
        analysis.Provider.ShouldBe("anthropic");
        analysis.FallbackReason.ShouldBe("bedrock: no answer within 1 s");
    }

    [Fact]
    public async Task Analyze_WhenEveryModelFails_TheOfflineAnalyzerAnswersWithEveryReason()
    {
        _bedrock.On(_ => true, 503, """{"message":"ServiceUnavailableException"}""");
        _anthropic.On(_ => true, 529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");
        await using var host = AnalysisTestHost.Create(Chain());
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        _bedrock.Requests.Count.ShouldBe(1);
        _anthropic.Requests.Count.ShouldBe(1);
        analysis.Provider.ShouldBe("offline");
        analysis.FallbackReason.ShouldNotBeNull();
        analysis.FallbackReason.ShouldContain("bedrock: HTTP 503");
        analysis.FallbackReason.ShouldContain("anthropic: HTTP 529");
    }

    [Fact]
    public async Task Analyze_WhenTheFirstReplyIsInvalid_SendsTheErrorsBackOnceAndUsesTheRepair()
    {
        var invalid = """{"category":"database-meltdown","hypotheses":[],"severity":"urgent"}""";
        _bedrock.On(_ => true, async (request, response) =>
        {
            var repaired = request.BodyText.Contains("could not be used", StringComparison.Ordinal);
            response.ContentType = "application/json";
            await response.WriteAsync(ModelReplies.MessagesResponse(repaired ? ModelReplies.PoolExhaustion() : invalid, 1000, 100));
        });
        await using var host = AnalysisTestHost.Create(Chain());
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        _bedrock.Requests.Count.ShouldBe(2);
        var messages = _bedrock.Requests[1].Json().GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).ShouldBe(["user", "assistant", "user"]);
        messages[1].GetProperty("content").ToString().ShouldContain("database-meltdown");
        var repair = messages[2].GetProperty("content")[0].GetProperty("text").GetString()!;
        repair.ShouldContain("\"category\" is \"database-meltdown\", which is not in the taxonomy");
        repair.ShouldContain("\"hypotheses\" must be a non-empty array");
        repair.ShouldContain("\"severity\" must be one of");

        _anthropic.Requests.ShouldBeEmpty();
        analysis.Provider.ShouldBe("bedrock");
        analysis.Notes.ShouldContain(n => n.Contains("repaired", StringComparison.Ordinal));
        analysis.Tokens.ShouldBe(2200, "both calls are counted");
    }

    [Fact]
    public async Task Analyze_WhenTheRepairIsInvalidToo_FallsBackDownTheChain()
    {
        _bedrock.On(_ => true, 200, ModelReplies.MessagesResponse("I think it is the database. Restart it!"));
        _anthropic.On(_ => true, 200, ModelReplies.MessagesResponse("```json\n" + ModelReplies.PoolExhaustion() + "\n```"));
        await using var host = AnalysisTestHost.Create(Chain());
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        _bedrock.Requests.Count.ShouldBe(2, "the first reply and one repair");
        analysis.Provider.ShouldBe("anthropic");
        analysis.FallbackReason.ShouldBe("bedrock: invalid reply after one repair (The reply holds no JSON object.)");
        JsonDocument.Parse(_anthropic.Requests[0].Body).RootElement.GetProperty("messages").GetArrayLength().ShouldBe(1, "the next provider starts afresh");
    }

    [Fact]
    public async Task Analyze_AfterRepeatedFailures_SkipsTheProviderForAWhileThenTriesAgain()
    {
        _bedrock.On(_ => true, 500, """{"message":"Internal server error"}""");
        _anthropic.On(_ => true, 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion()));
        await using var host = AnalysisTestHost.Create(Chain());
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());
        async Task<IncidentPlatform.Contracts.IncidentAnalysis> Analyze() => await host.Pipeline.AnalyzeAsync(incident, force: true, CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            (await Analyze()).FallbackReason.ShouldNotBeNull().ShouldStartWith("bedrock: HTTP 500");
        }

        var skipped = await Analyze();
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var retried = await Analyze();

        skipped.Provider.ShouldBe("anthropic");
        skipped.FallbackReason.ShouldBe("bedrock: skipped after 3 failed calls in a row, until 09:00:30Z");
        retried.FallbackReason.ShouldNotBeNull().ShouldStartWith("bedrock: HTTP 500");
        _bedrock.Requests.Count.ShouldBe(4, "three failures, none while the circuit was open, one trial after it");
    }
}
