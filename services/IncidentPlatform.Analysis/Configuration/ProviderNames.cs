namespace IncidentPlatform.Analysis.Configuration;

/// <summary>The providers that can answer, as named in <c>Analysis:Providers</c> and in <c>IncidentAnalysis.Provider</c>.</summary>
internal static class ProviderNames
{
    public const string Bedrock = "bedrock";
    public const string Anthropic = "anthropic";
    public const string Offline = "offline";

    public static readonly IReadOnlyList<string> All = [Bedrock, Anthropic, Offline];

    /// <summary>The configured chain, lower-cased, up to (not including) <c>offline</c>, which always ends it.</summary>
    public static IReadOnlyList<string> ModelChain(string? providers) =>
        [.. Parse(providers).TakeWhile(p => p != Offline)];

    /// <summary>The names in <paramref name="providers"/>, trimmed and lower-cased.</summary>
    public static IReadOnlyList<string> Parse(string? providers) =>
        [.. (providers ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant())];
}
