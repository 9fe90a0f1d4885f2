namespace IncidentPlatform.Redis;

/// <summary>
/// The commands sent and not yet answered, oldest first: replies arrive in this order (RESP is FIFO per
/// connection). A ring buffer, so the timeout sweep can look past the head without allocating. Not thread-safe:
/// the connection guards it with its lock.
/// </summary>
internal sealed class InFlightQueue
{
    private PendingCommand[] _items = new PendingCommand[64];
    private int _head;

    /// <summary>How many commands wait for replies.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the newest command.</summary>
    public void Enqueue(PendingCommand command)
    {
        if (Count == _items.Length)
        {
            var grown = new PendingCommand[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _items[(_head + i) % _items.Length];
            }

            _items = grown;
            _head = 0;
        }

        _items[(_head + Count) % _items.Length] = command;
        Count++;
    }

    /// <summary>Removes the oldest command, or returns null when none waits.</summary>
    public PendingCommand? Dequeue()
    {
        if (Count == 0)
        {
            return null;
        }

        var command = _items[_head];
        _items[_head] = null!;
        _head = (_head + 1) % _items.Length;
        Count--;
        return command;
    }

    /// <summary>The <paramref name="index"/>-th oldest command (0 is the head).</summary>
    public PendingCommand this[int index] => _items[(_head + index) % _items.Length];
}
