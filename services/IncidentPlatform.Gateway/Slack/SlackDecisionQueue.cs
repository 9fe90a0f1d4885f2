using System.Text.Json;
using System.Threading.Channels;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Clicks accepted by the endpoint, kept in the store (document collection <c>slack-decisions</c>, owner
/// <c>pending</c>) before Slack gets its 200, and handed to <see cref="SlackDecisionWorker"/>: Slack wants its answer
/// within three seconds and the remediation service may take longer, so the outcome goes back through the
/// <c>response_url</c>. A click whose decision was not yet sent when the gateway stopped is sent by the next gateway to
/// start; sent twice, it changes nothing twice (the remediation service takes the same person's same decision again as
/// a no-op).
/// </summary>
internal sealed class SlackDecisionQueue(IDocumentStore documents)
{
    public const string Collection = "slack-decisions";
    private const string Pending = "pending";

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Stores the click durably (throws when the store cannot); not cancellable, as Slack's answer follows it.</summary>
    public async Task AddAsync(SlackDecision decision)
    {
        var id = Guid.NewGuid().ToString("N");
        await documents.TryPutAsync(Collection, id, JsonSerializer.Serialize(decision, SlackJsonContext.Default.SlackDecision),
            expectedVersion: 0, owner: Pending, CancellationToken.None);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>The oldest clicks not sent yet, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<(string Id, SlackDecision Decision)>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Collection, Pending, limit, cancellationToken))
            .Select(d => (d.Id, JsonSerializer.Deserialize(d.Json, SlackJsonContext.Default.SlackDecision)!))];

    /// <summary>Forgets a click whose decision was sent and answered.</summary>
    public Task DoneAsync(string id) => documents.DeleteAsync(Collection, id, CancellationToken.None);

    /// <summary>Waits until a click is added or <paramref name="poll"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
