using IncidentPlatform.Analysis.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Budget;

/// <summary>What a model call costs, from <c>Analysis:Prices</c>.</summary>
internal sealed class PriceTable(IOptions<AnalysisOptions> options)
{
    /// <summary>The price of <paramref name="model"/>: the entry whose key the id contains, the longest such key winning
    /// (configuration keys cannot hold the <c>:</c> of Bedrock ids, so a key names a model by part of its id).</summary>
    public static ModelPrice? Find(IReadOnlyDictionary<string, ModelPrice> prices, string model) =>
        prices.Where(p => model.Contains(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();

    /// <summary>The cost in US dollars; models without a price (rejected at start) cost nothing.</summary>
    public decimal Cost(string model, long inputTokens, long outputTokens)
    {
        var price = Find(options.Value.Prices, model);
        return price is null
            ? 0m
            : (inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m;
    }

    /// <summary>US dollars as whole micro-dollars, rounded up (the unit of the shared spend counters).</summary>
    public static long ToMicros(decimal usd) => (long)Math.Ceiling(usd * 1_000_000m);
}
