using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Serialization;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// An incident as the put scripts (<see cref="IncidentScripts.Open"/>, <see cref="IncidentScripts.Update"/>) receive it:
/// its JSON and every field the indexes and the listing filters read, in the order the scripts' shared Lua reads them.
/// The text-search fields are upper-cased here (invariant), so the script's plain substring search matches as
/// <see cref="StringComparison.OrdinalIgnoreCase"/> does.
/// </summary>
internal static class IncidentFields
{
    /// <summary>How many arguments <see cref="Of"/> makes; a script's own arguments follow.</summary>
    public const int Count = 18;

    /// <summary>The stored form of <paramref name="incident"/> (its version as given) and the arguments to store it.</summary>
    public static (byte[] Json, RedisValue[] Arguments) Of(RedisKeys keys, Incident incident, params ReadOnlySpan<RedisValue> extra)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(incident, StoreJsonContext.Default.Incident);
        var updated = RedisTime.Of(incident.UpdatedAt);
        var resolved = incident.Status == IncidentStatus.Resolved;
        var resolvedAt = RedisTime.Of(incident.ResolvedAt ?? incident.UpdatedAt);
        var arguments = new RedisValue[Count + extra.Length];
        arguments[0] = keys.IndexPrefix;
        arguments[1] = keys.IncidentPrefix;
        arguments[2] = incident.Id;
        arguments[3] = json;
        arguments[4] = incident.Version;
        arguments[5] = incident.Fingerprint;
        arguments[6] = incident.Status.ToString();
        arguments[7] = incident.Service ?? "";
        arguments[8] = incident.Service is null ? 0 : 1;
        arguments[9] = (int)incident.Severity;
        arguments[10] = updated.Milliseconds;
        arguments[11] = updated.SubTicks;
        arguments[12] = resolved ? 1 : 0;
        arguments[13] = resolvedAt.Milliseconds;
        arguments[14] = resolvedAt.SubTicks;
        arguments[15] = incident.Title.ToUpperInvariant();
        arguments[16] = incident.Service?.ToUpperInvariant() ?? "";
        arguments[17] = incident.Id.ToUpperInvariant();
        extra.CopyTo(arguments.AsSpan(Count));
        return (json, arguments);
    }
}
