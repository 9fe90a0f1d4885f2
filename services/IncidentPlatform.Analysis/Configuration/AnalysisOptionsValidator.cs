using IncidentPlatform.Analysis.Budget;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Configuration;

/// <summary>Checks the analysis configuration at start, naming the key of every missing or malformed value.</summary>
internal sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    private const string S = AnalysisOptions.Section;

    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        var errors = new List<string>();
        var providers = ProviderNames.Parse(options.Providers).ToList();
        foreach (var unknown in providers.Where(p => !ProviderNames.All.Contains(p)).Distinct())
        {
            errors.Add($"'{S}:Providers' names '{unknown}'; use a comma-separated list of {string.Join(", ", ProviderNames.All)} (for example 'bedrock,anthropic,offline').");
        }

        if (providers.Count != providers.Distinct().Count())
        {
            errors.Add($"'{S}:Providers' names a provider twice: '{options.Providers}'.");
        }

        var offline = providers.IndexOf(ProviderNames.Offline);
        if (offline >= 0 && offline < providers.Count - 1)
        {
            errors.Add($"'{S}:Providers' lists providers after 'offline', which always answers: '{options.Providers}'. Put 'offline' last or leave it out.");
        }

        var chain = ProviderNames.ModelChain(options.Providers);
        if (chain.Contains(ProviderNames.Bedrock))
        {
            ValidateBedrock(options, errors);
        }

        if (chain.Contains(ProviderNames.Anthropic))
        {
            ValidateAnthropic(options, errors);
        }

        Positive(options.Timeout, "Timeout", errors);
        Positive(options.CacheTtl, "CacheTtl", errors);
        Positive(options.BreakDuration, "BreakDuration", errors);
        Range(options.BreakAfterFailures, 1, 1000, "BreakAfterFailures", errors);
        Positive(options.Budget.ConcurrencyWait, "Budget:ConcurrencyWait", errors);
        Range(options.MaxOutputTokens, 1, 64_000, "MaxOutputTokens", errors);
        Range(options.MaxAlerts, 1, 200, "MaxAlerts", errors);
        Range(options.MaxSampleLines, 1, 500, "MaxSampleLines", errors);
        Range(options.MaxSimilarIncidents, 0, 50, "MaxSimilarIncidents", errors);
        Range(options.MaxLineLength, 80, 10_000, "MaxLineLength", errors);
        Range(options.Budget.MaxConcurrentCalls, 1, 1000, "Budget:MaxConcurrentCalls", errors);
        if (options.Budget.MaxTokensPerIncident <= 0)
        {
            errors.Add($"'{S}:Budget:MaxTokensPerIncident' must be positive (tokens per incident, e.g. 60000).");
        }

        if (options.Budget.HourlyLimitUsd <= 0 || options.Budget.DailyLimitUsd <= 0)
        {
            errors.Add($"'{S}:Budget:HourlyLimitUsd' and '{S}:Budget:DailyLimitUsd' must be positive amounts in US dollars (e.g. 5 and 50).");
        }

        foreach (var (model, price) in options.Prices)
        {
            if (price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                errors.Add($"'{S}:Prices:{model}' has a negative price.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Offline.DiskCleanupDocument))
        {
            errors.Add($"'{S}:Offline:DiskCleanupDocument' is empty; name the SSM Automation runbook that frees disk space.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateBedrock(AnalysisOptions options, List<string> errors)
    {
        var bedrock = options.Bedrock;
        if (string.IsNullOrWhiteSpace(bedrock.Region))
        {
            errors.Add($"'{S}:Bedrock:Region' is missing (nor is AWS_REGION set); set it to the region of the model, e.g. 'eu-west-1'.");
        }

        if (string.IsNullOrWhiteSpace(bedrock.Model))
        {
            errors.Add($"'{S}:Bedrock:Model' is missing; set the model or inference-profile id, e.g. 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0'.");
        }
        else
        {
            RequirePrice(options, bedrock.Model, errors);
        }

        AbsoluteUri(bedrock.Endpoint, "Bedrock:Endpoint", errors);
        if (string.IsNullOrWhiteSpace(bedrock.AccessKeyId) != string.IsNullOrWhiteSpace(bedrock.SecretAccessKey))
        {
            errors.Add($"'{S}:Bedrock:AccessKeyId' and '{S}:Bedrock:SecretAccessKey' go together; set both, or neither to use the AWS credential chain.");
        }
    }

    private static void ValidateAnthropic(AnalysisOptions options, List<string> errors)
    {
        var anthropic = options.Anthropic;
        if (string.IsNullOrWhiteSpace(anthropic.ApiKey))
        {
            errors.Add($"'{S}:Anthropic:ApiKey' is missing; set the Anthropic API key (a secret, e.g. the environment variable Analysis__Anthropic__ApiKey).");
        }

        if (string.IsNullOrWhiteSpace(anthropic.Model))
        {
            errors.Add($"'{S}:Anthropic:Model' is missing; set the model id, e.g. 'claude-sonnet-4-5'.");
        }
        else
        {
            RequirePrice(options, anthropic.Model, errors);
        }

        AbsoluteUri(anthropic.BaseUrl, "Anthropic:BaseUrl", errors);
    }

    private static void RequirePrice(AnalysisOptions options, string model, List<string> errors)
    {
        if (PriceTable.Find(options.Prices, model) is null)
        {
            errors.Add($"No price for model '{model}': set '{S}:Prices:<model>:InputPerMillion' and ':OutputPerMillion' " +
                "(US dollars per million tokens; the key may be any part of the id, e.g. 'claude-sonnet-4-5'), so the spend caps can work.");
        }
    }

    private static void AbsoluteUri(string? value, string key, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(value) &&
            (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"'{S}:{key}' is '{value}'; expected an absolute http(s) URL.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"'{S}:{key}' must be a positive time span (e.g. '00:01:00').");
        }
    }

    private static void Range(int value, int min, int max, string key, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add($"'{S}:{key}' is {value}; expected {min} to {max}.");
        }
    }
}
