namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// A configured API key: its name (the actor in audit trails), the SHA-256 of the key, its scopes as configured
/// (<see cref="GatewayIdentity"/> expands <c>admin</c>) and roles.
/// </summary>
internal sealed record ApiKey(string Name, byte[] Hash, IReadOnlySet<string> Scopes, IReadOnlyList<string> Roles);
