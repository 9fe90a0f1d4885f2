namespace IncidentPlatform.Contracts;

/// <summary>The kind of value a catalog action parameter takes (every value travels as a string).</summary>
public enum CatalogParameterType
{
    /// <summary>A resource name or id (an instance, a group, a function), matching the action's pattern.</summary>
    Identifier,

    /// <summary>Free text for people (a note, a comment), bounded in length, without control characters.</summary>
    Text,

    /// <summary>A whole number within the action's range.</summary>
    Integer,

    /// <summary>A comma-separated list of identifiers.</summary>
    List,

    /// <summary>A JSON document.</summary>
    Json,

    /// <summary>An absolute http(s) URL.</summary>
    Url,
}
