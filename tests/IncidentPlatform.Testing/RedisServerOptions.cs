namespace IncidentPlatform.Testing;

/// <summary>How a <see cref="RedisServer"/> is started: authentication, durability, TLS, anything else.</summary>
public sealed class RedisServerOptions
{
    /// <summary>The default user's password (<c>--requirepass</c>); null for none.</summary>
    public string? Password { get; init; }

    /// <summary>An extra ACL user with all permissions (<c>--user "name on &gt;password ~* &amp;* +@all"</c>); null for none.</summary>
    public string? AclUser { get; init; }

    /// <summary>The password of <see cref="AclUser"/>.</summary>
    public string? AclPassword { get; init; }

    /// <summary>Whether every write is fsynced before it is acknowledged (<c>--appendfsync always</c>).</summary>
    public bool AppendFsyncAlways { get; init; }

    /// <summary>
    /// Serve TLS only (<c>--port 0 --tls-port P</c>) with these PEM files; clients are not asked for certificates.
    /// Null for plain TCP.
    /// </summary>
    public RedisTlsFiles? Tls { get; init; }

    /// <summary>More <c>redis-server</c> arguments, appended as given (<c>["--maxmemory", "10mb"]</c>).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
