using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IncidentPlatform.Redis.Tests.Integration;

/// <summary>
/// A TCP server on loopback that reads RESP commands and answers each with whatever the test's responder returns
/// (raw bytes, so it can answer with garbage): for what a real Redis never does.
/// </summary>
internal sealed class FakeRedisServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, string> _respond;
    private readonly int _writeChunk;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _accepted;

    /// <param name="respond">Given the connection's number (0 for the first) and the command name, the raw reply.</param>
    /// <param name="writeChunk">Replies are written (and flushed) this many bytes at a time, to fragment them.</param>
    public FakeRedisServer(Func<int, string, string> respond, int writeChunk = int.MaxValue)
    {
        _respond = respond;
        _writeChunk = writeChunk;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var index = Interlocked.Increment(ref _accepted) - 1;
            lock (_connections)
            {
                _connections.Add(ServeAsync(socket, index));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int index)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token);
                var replies = Answer(result.Buffer, index, out var consumed);
                reader.AdvanceTo(consumed, result.Buffer.End);
                var bytes = Encoding.UTF8.GetBytes(replies);
                for (var offset = 0; offset < bytes.Length; offset += _writeChunk)
                {
                    await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(_writeChunk, bytes.Length - offset)), _stop.Token);
                }

                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // the client went away, or the test is over
        }
    }

    private string Answer(ReadOnlySequence<byte> buffer, int index, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        var replies = new StringBuilder();
        while (RespParser.TryRead(ref reader, out var command))
        {
            replies.Append(_respond(index, command[0].ToString()!.ToUpperInvariant()));
        }

        consumed = reader.Position;
        return replies.ToString();
    }
}
