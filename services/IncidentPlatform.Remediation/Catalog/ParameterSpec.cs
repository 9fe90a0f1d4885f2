using IncidentPlatform.Contracts;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Remediation.Catalog;

/// <summary>
/// One parameter of a catalog action: its name, type and description from the catalog (<see cref="ActionCatalog"/>),
/// and the limits every value must respect, which the action's schema adds.
/// </summary>
internal sealed record ParameterSpec(string Name, CatalogParameterType Type, bool Required, string Description)
{
    public ParameterSpec(CatalogParameter parameter)
        : this(parameter.Name, parameter.Type, parameter.Required, parameter.Description)
    {
    }

    /// <summary>What the value (or each list item) must match, anchored.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>The longest value accepted (characters; bytes for JSON).</summary>
    public int MaxLength { get; init; } = 256;

    /// <summary>For lists: the most items.</summary>
    public int MaxItems { get; init; } = 50;

    /// <summary>For integers: the smallest value.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>For integers: the largest value.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>For JSON: true when the value must be an object.</summary>
    public bool JsonObject { get; init; } = true;
}
