namespace IncidentPlatform.Contracts;

/// <summary>Response to <see cref="VerifyAuditTrail"/>: whether every link of an incident's audit chain holds.</summary>
public sealed record AuditTrailVerification
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>
    /// How the hashes were checked: <c>hmac-sha256</c> (keyed with <c>Remediation:AuditKey</c>, a chain rebuilt
    /// without the key fails) or <c>sha256</c> (unkeyed: shows changes, but whoever can write the store can rebuild it).
    /// </summary>
    public required string Mode { get; init; }

    /// <summary>True when every entry's hash and link check out (an empty trail is valid).</summary>
    public required bool Valid { get; init; }

    /// <summary>The number of entries read.</summary>
    public required long Entries { get; init; }

    /// <summary>The position of the first entry that does not check out, when invalid.</summary>
    public long? FirstBrokenSequence { get; init; }

    /// <summary>What is wrong with that entry, when invalid.</summary>
    public string? Error { get; init; }
}
