using IncidentPlatform.Testing;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>
/// Redis killed (SIGKILL) and started again on the same port and directory under load, with <c>appendfsync always</c>:
/// every write acknowledged before the crash must be there after it, and the one shared multiplexer must find the
/// server again by itself and load the scripts again (the restarted server's script cache is empty).
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int AcknowledgedPerPhase = 50;

    [Fact]
    public async Task Writes_RedisKilledAndRestartedMidLoad_EveryAcknowledgedWriteIsThere()
    {
        await using var server = await RedisServer.StartNewAsync(new RedisServerOptions { AppendFsyncAlways = true });
        await using var connection = await RedisStores.ConnectAsync(
            server.ConnectionString, o => o.ReconnectRetryPolicy = new LinearRetry(100));
        var store = RedisStores.Create(connection, maxAlertsPerIncident: 100_000);
        var writers = Enumerable.Range(0, Writers).Select(i => new RestartWriter(i, store)).ToArray();
        foreach (var writer in writers)
        {
            await writer.OpenAsync();
        }

        using var stop = new CancellationTokenSource();
        var running = writers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToArray();
        await WaitUntil("writes before the crash", running, () => writers.All(w => w.Acknowledged >= AcknowledgedPerPhase));

        await server.KillAsync();
        var beforeCrash = writers.Sum(w => w.Acknowledged);
        await WaitUntil("every writer failing", running, () => writers.All(w => w.Failures > 0));
        await Task.Delay(300);
        await server.StartAsync();
        var atRestart = writers.Select(w => w.Acknowledged).ToArray();
        await WaitUntil("writes after the restart", running,
            () => writers.Select((w, i) => w.Acknowledged >= atRestart[i] + AcknowledgedPerPhase).All(x => x));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        connection.IsConnected.ShouldBeTrue();
        foreach (var writer in writers)
        {
            await writer.VerifyAsync();
        }

        output.WriteLine(
            $"{writers.Sum(w => w.Acknowledged)} writes acknowledged ({beforeCrash} before the kill, " +
            $"{writers.Sum(w => w.Acknowledged) - atRestart.Sum()} after the restart), all found; " +
            $"{writers.Sum(w => w.Failures)} failed calls while Redis was down or loading; " +
            $"{writers.Sum(w => w.Opened.Count)} incidents opened, {writers.Sum(w => w.Alerts.Count)} alerts, " +
            $"{writers.Sum(w => w.Steps.Count)} updates, {writers.Sum(w => w.Entries.Count)} log entries.");
    }

    /// <summary>Waits for <paramref name="condition"/>; fails at once when a writer failed (an assertion in it).</summary>
    private static async Task WaitUntil(string what, Task[] writers, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited a minute for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
