using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Analysis.Tests.Providers;

/// <summary>Tests that change the process environment, so they run alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Without configured keys, Bedrock requests are signed with the AWS credential chain (here: the standard
/// environment variables the AppHost sets), and the region comes from <c>AWS_REGION</c>.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class BedrockCredentialChainTests : IAsyncLifetime
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
    private readonly Dictionary<string, string?> _saved = [];
    private FakeHttpServer _bedrock = null!;

    public async ValueTask InitializeAsync()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        _bedrock = await FakeHttpServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _bedrock.DisposeAsync();
    }

    [Fact]
    public async Task Analyze_WithoutConfiguredKeys_SignsWithTheEnvironmentsCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAENVIRONMENT00001");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment/secret/key/0123456789abcdefghij");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEnvironmentSessionToken");
        _bedrock.On(r => r.Method == "POST", 200, ModelReplies.MessagesResponse(ModelReplies.PoolExhaustion()));
        var configuration = BedrockProviderTests.Configuration(_bedrock.BaseAddress);
        configuration.Remove("Analysis:Bedrock:AccessKeyId");
        configuration.Remove("Analysis:Bedrock:SecretAccessKey");
        configuration.Remove("Analysis:Bedrock:Region");
        configuration["AWS_REGION"] = "ap-southeast-2";
        await using var host = AnalysisTestHost.Create(configuration);
        var incident = await TestIncidents.PoolExhaustionAsync(host.Store, host.Time.GetUtcNow());

        var analysis = await host.Pipeline.AnalyzeAsync(incident, false, CancellationToken.None);

        var request = _bedrock.Requests.ShouldHaveSingleItem();
        var auth = SigV4.Parse(request.Header("Authorization")!);
        auth.AccessKey.ShouldBe("ASIAENVIRONMENT00001");
        auth.Region.ShouldBe("ap-southeast-2");
        request.Header("X-Amz-Security-Token").ShouldBe("FwoGZXIvYXdzEnvironmentSessionToken");
        auth.Signature.ShouldBe(SigV4.ExpectedSignature(request, "environment/secret/key/0123456789abcdefghij"));
        analysis.Provider.ShouldBe("bedrock");
    }
}
