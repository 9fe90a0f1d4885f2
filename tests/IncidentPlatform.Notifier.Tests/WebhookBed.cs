using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>A fake webhook receiver answering 200 on <c>/hook</c>, and a notifier with one webhook channel to it.</summary>
internal sealed class WebhookBed(FakeHttpServer fake, NotifierHost host) : IAsyncDisposable
{
    public FakeHttpServer Fake => fake;

    public NotifierHost Host => host;

    /// <summary>Starts both; <paramref name="settings"/> are more settings of the <c>ops-hook</c> channel.</summary>
    public static async Task<WebhookBed> StartAsync(DateTimeOffset? now = null, params (string Key, string? Value)[] settings)
    {
        var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "");
        return new WebhookBed(fake, await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress, settings), now));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await fake.DisposeAsync();
    }
}
