using Microsoft.Extensions.AI;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>A model whose answers wait until the test opens the gate; it says when a call has started.</summary>
internal sealed class GatedChatClient(string reply) : IChatClient
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _calls;

    public Task Started => _started.Task;

    public int Calls => Volatile.Read(ref _calls);

    public void Open() => _gate.TrySetResult();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _started.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
        {
            Usage = new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 200 },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The analysis does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => _gate.TrySetCanceled();
}
