using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.Redis;

/// <summary>
/// A Lua script and its SHA1, as Redis names loaded scripts. Create once (a static field) and run with
/// <see cref="RedisScriptCommands.EvalAsync"/>, which sends <c>EVALSHA</c> and loads the script only when the server
/// does not have it.
/// </summary>
public sealed class RedisScript
{
    /// <summary>Holds <paramref name="source"/> and computes its SHA1.</summary>
    public RedisScript(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>The Lua source.</summary>
    public string Source { get; }

    /// <summary>The lower-case hex SHA1 of the UTF-8 source (what <c>SCRIPT LOAD</c> returns).</summary>
    public string Sha1 { get; }

    /// <inheritdoc />
    public override string ToString() => $"script {Sha1}";
}
