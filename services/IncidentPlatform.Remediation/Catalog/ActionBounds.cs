using System.Globalization;

namespace IncidentPlatform.Remediation.Catalog;

/// <summary>The bounds a policy sets for one catalog action (allowlists, limits), already checked against its <see cref="BoundSpec"/>s.</summary>
internal sealed class ActionBounds(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
{
    /// <summary>No bounds set: actions that need an allowlist refuse everything.</summary>
    public static readonly ActionBounds None = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The raw values by bound name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; } = values;

    /// <summary>A list bound, or null when the policy does not set it.</summary>
    public IReadOnlyList<string>? List(string name) => Values.TryGetValue(name, out var list) ? list : null;

    /// <summary>A numeric bound, or <paramref name="fallback"/> when the policy does not set it.</summary>
    public long Number(string name, long fallback) =>
        Values.TryGetValue(name, out var list) && list.Count == 1 &&
        long.TryParse(list[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    /// <summary>True when the policy sets the bound.</summary>
    public bool Has(string name) => Values.ContainsKey(name);
}
