using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Serialization;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The filtered, paged listing: <see cref="ListingScript"/> steps over the most selective index, each step bounded by
/// <see cref="RedisStoreSettings.ListScanBatch"/> entries, the whole call by <see cref="RedisStoreSettings.ListScanLimit"/>.
/// </summary>
internal sealed partial class RedisIncidentStore
{
    /// <summary>The largest page (<see cref="IncidentQuery.PageSize"/> is clamped to 1–500).</summary>
    private const int MaxPageSize = 500;

    public async Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        (long Milliseconds, string Id)? position = query.Cursor is null ? null : RedisCursor.Decode(query.Cursor);
        var keys = ListingKeys(query);
        var items = new List<Incident>(Math.Min(size, 64));
        for (var examined = 0; ;)
        {
            // A step may always examine a whole page and its look-ahead, so an unfiltered page is one step.
            var need = size - items.Count;
            var budget = Math.Min(Math.Max(settings.ListScanBatch, need + 1), settings.ListScanLimit - examined);
            var reply = (RedisResult[])(await EvalAsync(
                ListingScript.Step, keys, ListingArguments(query, position, need, budget), cancellationToken))!;
            for (var i = 3; i < reply.Length; i++)
            {
                items.Add(Read(reply[i], StoreJsonContext.Default.Incident));
            }

            switch ((long)reply[0])
            {
                case 0:
                    return new IncidentPage(items, null);
                case 1:
                    var last = items[^1];
                    return new IncidentPage(items, RedisCursor.Encode(RedisTime.Of(last.UpdatedAt).Milliseconds, last.Id));
                default:
                    examined += budget;
                    position = ((long)(double)reply[1], (string)reply[2]!);
                    if (examined >= settings.ListScanLimit)
                    {
                        return new IncidentPage(items, RedisCursor.Encode(position.Value.Milliseconds, position.Value.Id));
                    }

                    break;
            }
        }
    }

    /// <summary><c>idx:all</c>, then the index of every filter an index answers.</summary>
    private RedisKey[] ListingKeys(IncidentQuery query)
    {
        var keys = new List<RedisKey>(4) { _keys.All };
        if (query.Status is { } status)
        {
            keys.Add(_keys.Status(status));
        }

        if (query.Service is { } service)
        {
            keys.Add(_keys.Service(service));
        }

        if (query.MinSeverity is { } severity && (int)severity > 0)
        {
            keys.Add(_keys.Severity((int)severity));
        }

        return [.. keys];
    }

    private RedisValue[] ListingArguments(IncidentQuery query, (long Milliseconds, string Id)? position, int need, int budget)
    {
        var until = query.Until is { } u ? RedisTime.Of(u) : default;
        var since = query.Since is { } s ? RedisTime.Of(s) : default;
        return
        [
            _keys.IncidentPrefix, need, budget,
            position is null ? 0 : 1, position?.Milliseconds ?? 0, position?.Id ?? "",
            query.Until is null ? 0 : 1, until.Milliseconds, until.SubTicks,
            query.Since is null ? 0 : 1, since.Milliseconds, since.SubTicks,
            string.IsNullOrEmpty(query.Text) ? "" : query.Text.ToUpperInvariant(),
        ];
    }
}
