using System.Buffers;

namespace IncidentPlatform.Redis;

/// <summary>
/// A variable-length argument list on a pooled array, for helpers whose argument count depends on the call
/// (<c>ZADD</c> of many members, <c>ZRANGE</c> options). Dispose right after <c>Execute</c>, which encodes synchronously.
/// </summary>
internal struct ArgumentList(int capacity) : IDisposable
{
    private RedisArgument[] _items = ArrayPool<RedisArgument>.Shared.Rent(capacity);
    private int _count;

    public readonly ReadOnlySpan<RedisArgument> Span => _items.AsSpan(0, _count);

    public void Add(RedisArgument argument) => _items[_count++] = argument;

    public void Dispose()
    {
        ArrayPool<RedisArgument>.Shared.Return(_items, clearArray: true);
        _items = [];
        _count = 0;
    }
}
