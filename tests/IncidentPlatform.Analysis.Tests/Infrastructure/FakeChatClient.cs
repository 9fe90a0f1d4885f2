using Microsoft.Extensions.AI;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>A model stand-in: answers every call with <paramref name="answer"/> (given the messages so far) and records the calls.</summary>
internal sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, int, string> answer, int inputTokens = 1000, int outputTokens = 200) : IChatClient
{
    private readonly List<IReadOnlyList<ChatMessage>> _calls = [];

    /// <summary>A model that always gives <paramref name="reply"/>.</summary>
    public FakeChatClient(string reply, int inputTokens = 1000, int outputTokens = 200) : this((_, _) => reply, inputTokens, outputTokens)
    {
    }

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> copy = [.. messages];
        int call;
        lock (_calls)
        {
            _calls.Add(copy);
            call = _calls.Count;
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(copy, call)))
        {
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The analysis does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
