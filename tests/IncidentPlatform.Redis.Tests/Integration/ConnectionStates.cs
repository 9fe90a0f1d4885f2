namespace IncidentPlatform.Redis.Tests.Integration;

/// <summary>Waits for a connection to reach a state, by its <see cref="RedisConnection.StatusChanged"/> event.</summary>
internal static class ConnectionStates
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task WaitForAsync(RedisConnection connection, RedisConnectionState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, RedisConnectionStatus status)
        {
            if (status.State == state)
            {
                reached.TrySetResult();
            }
        }

        connection.StatusChanged += OnChanged;
        try
        {
            if (connection.Status.State == state)
            {
                return;
            }

            await reached.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The connection did not become {state} within {Patience}: {connection.Status.Description}");
        }
        finally
        {
            connection.StatusChanged -= OnChanged;
        }
    }
}
