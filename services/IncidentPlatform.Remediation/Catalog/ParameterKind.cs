namespace IncidentPlatform.Remediation.Catalog;

/// <summary>How a catalog action parameter (always carried as a string) is read and checked.</summary>
internal enum ParameterKind
{
    /// <summary>Text matching the parameter's pattern, within its length.</summary>
    Text,

    /// <summary>A whole number within the parameter's range.</summary>
    Integer,

    /// <summary>A comma-separated list; each item matches the pattern; at most the parameter's item count.</summary>
    List,

    /// <summary>A JSON document (object unless the spec allows any value), within the byte limit.</summary>
    Json,

    /// <summary>An absolute http(s) URL.</summary>
    Url,
}
