namespace IncidentPlatform.Contracts;

/// <summary>
/// One link of an incident's hash-chained audit trail: <see cref="Hash"/> is SHA-256 over the previous entry's hash
/// and this entry's canonical content, so changing or removing an entry breaks every later link.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Position in the chain, from 0.</summary>
    public required long Sequence { get; init; }

    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary><c>proposed</c>, <c>approval-requested</c>, <c>approved</c>, <c>rejected</c>, <c>expired</c>,
    /// <c>executing</c>, <c>succeeded</c>, <c>failed</c>, <c>verified</c>, <c>escalated</c>…</summary>
    public required string Kind { get; init; }

    /// <summary>Who (person or service).</summary>
    public required string Actor { get; init; }

    /// <summary>Through which channel (<c>policy</c>, <c>rest</c>, <c>mcp</c>, <c>slack</c>, <c>executor</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>The remediation concerned, if any.</summary>
    public string? RemediationId { get; init; }

    /// <summary>The policy rule.</summary>
    public string? Rule { get; init; }

    /// <summary>The policy version (content hash).</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Details (action id, parameters, result), as key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The hash of the previous entry (64 zeros for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>This entry's hash.</summary>
    public required string Hash { get; init; }
}
