namespace IncidentPlatform.Redis;

/// <summary>Running Lua scripts: the way this project changes several keys atomically.</summary>
public static class RedisScriptCommands
{
    /// <summary>
    /// Runs <paramref name="script"/> with <c>EVALSHA sha numkeys keys… args…</c>; when the server answers
    /// <c>NOSCRIPT</c> (first use, restart, <c>SCRIPT FLUSH</c>) sends <c>EVAL</c> once, which also loads it.
    /// Returns what the script returns.
    /// </summary>
    /// <exception cref="RedisServerException">The script failed (or used a key wrongly): the server's message.</exception>
    public static async ValueTask<RedisValue> EvalAsync(
        this RedisConnection connection,
        RedisScript script,
        RedisArgument[]? keys = null,
        RedisArgument[]? arguments = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        keys ??= [];
        arguments ??= [];
        try
        {
            return await connection.Execute("EVALSHA", [script.Sha1, keys.Length], keys, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.ErrorCode == "NOSCRIPT")
        {
            return await connection.Execute("EVAL", [script.Source, keys.Length], keys, arguments, cancellationToken).ConfigureAwait(false);
        }
    }
}
