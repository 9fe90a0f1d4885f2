using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Notifier.Tests.Store;

/// <summary>
/// The sending claim lasts as long as the send, not a fixed time: two notifiers on one Redis, the first stalled in a
/// send for several times the claim's time to live, the second refused meanwhile and finding it done afterwards.
/// </summary>
public sealed class SendingClaimTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Deliver_SendStallsPastTheClaimTime_SecondWorkerDoesNotDeliverItAgain()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", async (_, response) =>
        {
            await release.Task;
            response.StatusCode = 200;
        });
        var configuration = ChannelConfig.Merge(ChannelConfig.Webhook($"c-{Guid.NewGuid():N}", fake.BaseAddress),
            new Dictionary<string, string?> { ["Notifier:SendingClaim"] = Claim.ToString() });
        await using var first = await NotifierHost.StartAsync(configuration, redis: redis.ConnectionString);
        await using var second = await NotifierHost.StartAsync(configuration, redis: redis.ConnectionString);
        var incident = await first.OpenAsync(TestData.Incident());
        var e = NotificationEventFactory.From(TestData.Opened(incident));

        var sending = first.Services.GetRequiredService<NotificationDispatcher>().DispatchAsync(e, CancellationToken.None);
        await fake.WaitForRequestAsync(r => r.Path == "/hook", TimeSpan.FromSeconds(30));
        await Task.Delay(Claim * 3); // The send is still stalled, three claim lifetimes on.

        await Should.ThrowAsync<DeliveryInProgressException>(
            second.Services.GetRequiredService<NotificationDispatcher>().DispatchAsync(e, CancellationToken.None));
        release.SetResult();
        await sending;
        await second.Services.GetRequiredService<NotificationDispatcher>().DispatchAsync(e, CancellationToken.None);

        fake.Requests.Count.ShouldBe(1);
        (await first.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }
}
