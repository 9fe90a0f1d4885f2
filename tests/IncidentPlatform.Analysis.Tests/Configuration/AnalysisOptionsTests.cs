using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Tests.Configuration;

public sealed class AnalysisOptionsTests
{
    private static async Task<string> ValidationErrors(Dictionary<string, string?> configuration)
    {
        await using var host = AnalysisTestHost.Create(configuration);
        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value);
        return error.Message;
    }

    [Fact]
    public async Task Defaults_WithNothingConfigured_AreTheOfflineAnalyzerAlone()
    {
        await using var host = AnalysisTestHost.Create();

        var options = host.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value;

        options.Providers.ShouldBe("offline");
        host.Services.GetRequiredService<ModelChain>().Providers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bedrock_WithoutModel_FailsNamingTheKey()
    {
        var errors = await ValidationErrors(new() { ["Analysis:Providers"] = "bedrock,offline", ["Analysis:Bedrock:Region"] = "eu-west-1" });

        errors.ShouldContain("'Analysis:Bedrock:Model' is missing");
    }

    [Fact]
    public async Task Bedrock_RegionFromTheAwsEnvironmentName_IsUsed()
    {
        await using var host = AnalysisTestHost.Create(new Dictionary<string, string?>
        {
            ["Analysis:Providers"] = "bedrock",
            ["Analysis:Bedrock:Model"] = "anthropic.claude-sonnet-4-5-20250929-v1:0",
            ["Analysis:Prices:claude-sonnet-4-5:InputPerMillion"] = "3",
            ["Analysis:Prices:claude-sonnet-4-5:OutputPerMillion"] = "15",
            ["AWS_REGION"] = "eu-central-1",
        });

        var provider = host.Services.GetRequiredService<ModelChain>().Providers.ShouldHaveSingleItem();

        host.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value.Bedrock.Region.ShouldBe("eu-central-1");
        provider.Name.ShouldBe("bedrock");
        provider.Model.ShouldBe("anthropic.claude-sonnet-4-5-20250929-v1:0");
    }

    [Fact]
    public async Task Anthropic_WithoutKeyOrPrice_FailsNamingEachKey()
    {
        var errors = await ValidationErrors(new() { ["Analysis:Providers"] = "anthropic", ["Analysis:Anthropic:Model"] = "claude-opus-4-1" });

        errors.ShouldContain("'Analysis:Anthropic:ApiKey' is missing");
        errors.ShouldContain("No price for model 'claude-opus-4-1': set 'Analysis:Prices:<model>:InputPerMillion'");
    }

    [Theory]
    [InlineData("Analysis:Providers", "openai", "'Analysis:Providers' names 'openai'")]
    [InlineData("Analysis:Providers", "offline,anthropic", "lists providers after 'offline'")]
    [InlineData("Analysis:Timeout", "00:00:00", "'Analysis:Timeout' must be a positive time span")]
    [InlineData("Analysis:Budget:MaxConcurrentCalls", "0", "'Analysis:Budget:MaxConcurrentCalls' is 0")]
    [InlineData("Analysis:Budget:HourlyLimitUsd", "-1", "'Analysis:Budget:HourlyLimitUsd' and 'Analysis:Budget:DailyLimitUsd' must be positive")]
    public async Task Options_Malformed_FailNamingTheKey(string key, string value, string message)
    {
        (await ValidationErrors(new() { [key] = value })).ShouldContain(message);
    }

    [Fact]
    public async Task Anthropic_BaseUrlNotAUrl_Fails()
    {
        var errors = await ValidationErrors(new()
        {
            ["Analysis:Providers"] = "anthropic", ["Analysis:Anthropic:ApiKey"] = "k", ["Analysis:Anthropic:Model"] = "claude-sonnet-4-5",
            ["Analysis:Prices:claude-sonnet-4-5:InputPerMillion"] = "3", ["Analysis:Anthropic:BaseUrl"] = "api.internal",
        });

        errors.ShouldContain("'Analysis:Anthropic:BaseUrl' is 'api.internal'; expected an absolute http(s) URL.");
    }

    [Theory]
    [InlineData("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", 3)]
    [InlineData("claude-sonnet-4-5", 3)]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", 1)]
    public void PriceTable_KeysNamePartOfTheId_TheLongestWins(string model, decimal inputPerMillion)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
        {
            ["claude"] = new() { InputPerMillion = 100 },
            ["claude-sonnet-4-5"] = new() { InputPerMillion = 3 },
            ["claude-haiku-4-5"] = new() { InputPerMillion = 1 },
        };

        IncidentPlatform.Analysis.Budget.PriceTable.Find(prices, model).ShouldNotBeNull().InputPerMillion.ShouldBe(inputPerMillion);
    }
}
