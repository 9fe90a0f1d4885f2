namespace IncidentPlatform.Remediation.Catalog;

/// <summary>The outcome of checking parameters against an action's schema and bounds.</summary>
internal sealed record ActionCheck
{
    /// <summary>True when every parameter is inside the schema and the bounds.</summary>
    public bool Ok => Errors.Count == 0;

    /// <summary>The parameters as they will be sent (normalized: trimmed, lists without blanks, defaults filled).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>What cooldowns and run limits count against (a group, a cluster/service, instance ids…).</summary>
    public string Target { get; init; } = "";

    /// <summary>What is wrong, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>A failed check.</summary>
    public static ActionCheck Failed(params IEnumerable<string> errors) => new() { Errors = [.. errors] };
}
