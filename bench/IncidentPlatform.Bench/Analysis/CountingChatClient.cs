using Microsoft.Extensions.AI;

namespace IncidentPlatform.Bench.Analysis;

/// <summary>
/// A stand-in model for the storm benchmark: answers every call, after a simulated latency, with a valid analysis
/// citing the first line of the data, and counts the calls and the tokens it would have billed.
/// </summary>
internal sealed class CountingChatClient(TimeSpan latency) : IChatClient
{
    public const int InputTokens = 3000;
    public const int OutputTokens = 500;

    private const string Reply = """
        {"category":"unknown","hypotheses":[{"summary":"Benchmark model: cause not assessed.","confidence":0.5,"evidence":["L1"]}],
         "severity":"medium","severityJustification":"benchmark","impact":"benchmark","recommendedActions":[],"steps":["none"]}
        """;

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(latency, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply))
        {
            Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The analysis does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
