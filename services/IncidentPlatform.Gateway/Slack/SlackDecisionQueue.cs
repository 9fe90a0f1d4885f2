using System.Threading.Channels;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Clicks accepted by the endpoint, handed to <see cref="SlackDecisionWorker"/>: Slack wants its answer within three
/// seconds, and the remediation service may take longer, so the outcome goes back through the <c>response_url</c>.
/// </summary>
internal sealed class SlackDecisionQueue
{
    private readonly Channel<SlackDecision> _queue = Channel.CreateBounded<SlackDecision>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(SlackDecision decision) => _queue.Writer.TryWrite(decision);

    public IAsyncEnumerable<SlackDecision> ReadAllAsync(CancellationToken cancellationToken) =>
        _queue.Reader.ReadAllAsync(cancellationToken);
}
