namespace IncidentPlatform.Remediation.Catalog;

/// <summary>One bound a policy may set for a catalog action (under <c>bounds:</c>): a list or a number.</summary>
internal sealed record BoundSpec(string Name, bool IsList, string Description)
{
    /// <summary>For numeric bounds: the smallest value a policy may set.</summary>
    public long Min { get; init; }

    /// <summary>For numeric bounds: the largest value a policy may set.</summary>
    public long Max { get; init; } = int.MaxValue;
}
