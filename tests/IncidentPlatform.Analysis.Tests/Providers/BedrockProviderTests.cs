using System.Security.Cryptography;
using System.Text.Json;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Analysis.Tests.Providers;

/// <summary>Claude on Bedrock through Anthropic.Bedrock, against a fake Bedrock Runtime that checks what we sent.</summary>
public sealed class BedrockProviderTests : IAsyncLifetime
{
    private const string Model = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private FakeHttpServer _bedrock = null!;

    public async ValueTask InitializeAsync() => _bedrock = await FakeHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _bedrock.DisposeAsync();

    internal static Dictionary<string, string?> Configuration(Uri endpoint, string? sessionToken = null) => new()
    {
        ["Analysis:Providers"] = "bedrock,offline",
        ["Analysis:Bedrock:Region"] = "eu-west-1",
        ["Analysis:Bedrock:Model"] = Model,
        ["Analysis:Bedrock:Endpoint"] = endpoint.ToString(),
        ["Analysis:Bedrock:AccessKeyId"] = AccessKey,
        ["Analysis:Bedrock:SecretAccessKey"] = SecretKey,
        ["Analysis:Bedrock:SessionToken"] = sessionToken,
        ["Analysis:Prices:claude-sonnet-4-5:InputPerMillion"] = "3",
        ["Analysis:Prices:claude-sonnet-4-5:OutputPerMillion"] = "15",
        ["Analysis:Timeout"] = "00:00:10",
    };

    [Fact]
    public async Task Analyze_WithBedrock_SendsASignedInvokeModelRequestAndUsesTheAnswer()
    {
        _bedrock.On(r => r.Method == "POST", 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion(), 1500, 400));
        await using var host = AnalysisTestHost.Create(Configuration(_bedrock.BaseAddress));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        var request = _bedrock.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"/model/{Model}/invoke");

        var auth = SigV4.Parse(request.Header("Authorization")!);
        auth.AccessKey.ShouldBe(AccessKey);
        auth.Region.ShouldBe("eu-west-1");
        auth.Service.ShouldBe("bedrock");
        auth.SignedHeaders.ShouldContain("host");
        auth.SignedHeaders.ShouldContain("x-amz-date");
        auth.SignedHeaders.ShouldContain("x-amz-content-sha256");
        request.Header("X-Amz-Date")!.ShouldStartWith(auth.Date);
        request.Header("X-Amz-Date")!.ShouldMatch(@"^\d{8}T\d{6}Z$");
        request.Header("x-amz-content-sha256").ShouldBe(Convert.ToHexStringLower(SHA256.HashData(request.Body)));
        auth.Signature.ShouldBe(SigV4.ExpectedSignature(request, SecretKey));

        var body = request.Json();
        body.GetProperty("anthropic_version").GetString().ShouldBe("bedrock-2023-05-31");
        body.GetProperty("max_tokens").GetInt32().ShouldBe(2048);
        body.TryGetProperty("model", out _).ShouldBeFalse("Bedrock takes the model from the path");
        body.GetProperty("system").ToString().ShouldContain("root-cause analysis engine");
        var message = body.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        message.GetProperty("role").GetString().ShouldBe("user");
        message.GetProperty("content")[0].GetProperty("text").GetString()!.ShouldContain("<incident-data>");

        analysis.Provider.ShouldBe("bedrock");
        analysis.Model.ShouldBe(Model);
        analysis.Category.ShouldBe("connection-pool-exhaustion");
        analysis.FallbackReason.ShouldBeNull();
        analysis.InputTokens.ShouldBe(1500);
        analysis.OutputTokens.ShouldBe(400);
        analysis.Tokens.ShouldBe(1900);
        analysis.CostUsd.ShouldBe(0.0105m);
        analysis.RecommendedActions.ShouldHaveSingleItem().ActionId.ShouldBe("aws.ecs.force-new-deployment");
    }

    [Fact]
    public async Task Analyze_WithTemporaryCredentials_SendsAndSignsTheSessionToken()
    {
        _bedrock.On(r => r.Method == "POST", 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion()));
        await using var host = AnalysisTestHost.Create(Configuration(_bedrock.BaseAddress, sessionToken: "IQoJb3JpZ2luX2VjEXAMPLETOKEN"));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        var request = _bedrock.Requests.ShouldHaveSingleItem();
        request.Header("X-Amz-Security-Token").ShouldBe("IQoJb3JpZ2luX2VjEXAMPLETOKEN");
        var auth = SigV4.Parse(request.Header("Authorization")!);
        auth.SignedHeaders.ShouldContain("x-amz-security-token");
        auth.Signature.ShouldBe(SigV4.ExpectedSignature(request, SecretKey));
    }

    [Fact]
    public async Task Analyze_WhenBedrockAnswersAServerError_FallsBackToOfflineAndSaysWhy()
    {
        _bedrock.On(r => r.Method == "POST", 500, """{"message":"Internal server error"}""");
        await using var host = AnalysisTestHost.Create(Configuration(_bedrock.BaseAddress));
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);

        _bedrock.Requests.Count.ShouldBe(1, "the fallback chain replaces the SDK's retries");
        analysis.Provider.ShouldBe("offline");
        analysis.Category.ShouldBe("connection-pool-exhaustion");
        analysis.FallbackReason.ShouldNotBeNull().ShouldStartWith("bedrock:");
        analysis.FallbackReason.ShouldContain("500");
        analysis.Tokens.ShouldBe(0);
        analysis.CostUsd.ShouldBe(0m);
    }
}
