namespace IncidentPlatform.Redis;

/// <summary>Losing the socket and getting a new one: backoff, jitter, state.</summary>
public sealed partial class RedisConnection
{
    private Task _reconnecting = Task.CompletedTask;

    private void Publish(PhysicalConnection physical, int attempts)
    {
        Volatile.Write(ref _physical, physical);
        SetStatus(RedisConnectionState.Connected, 0, null);
        if (attempts == 0)
        {
            RedisLog.Connected(_logger, physical.EndPoint);
        }
        else
        {
            RedisLog.Reconnected(_logger, physical.EndPoint, attempts);
        }

        if (physical.IsFailed)
        {
            // It failed between its handshake and being published, when OnFailed could not yet find it.
            OnFailed(physical, new IOException($"The connection to {physical.EndPoint} failed as it was established."));
        }
    }

    // Called by the physical connection as it fails, before it fails its in-flight commands.
    private void OnFailed(PhysicalConnection physical, Exception cause)
    {
        if (Interlocked.CompareExchange(ref _physical, null, physical) != physical)
        {
            return; // not published yet (handshake), already replaced, or being disposed
        }

        _ = Task.Run(async () => await physical.DisposeAsync().ConfigureAwait(false)); // not inline: the failing connection's own loops are still unwinding
        if (!_disposed.IsCancellationRequested)
        {
            StartReconnecting(cause);
        }
    }

    private void StartReconnecting(Exception cause)
    {
        SetStatus(RedisConnectionState.Reconnecting, 1, cause);
        _reconnecting = Task.Run(() => ReconnectAsync(cause));
    }

    private async Task ReconnectAsync(Exception lastError)
    {
        var token = _disposed.Token;
        for (var attempt = 1; !token.IsCancellationRequested; attempt++)
        {
            SetStatus(RedisConnectionState.Reconnecting, attempt, lastError);
            var delay = ReconnectDelay.For(attempt, _options.ReconnectBaseDelay, _options.ReconnectMaxDelay);
            try
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
                var physical = await PhysicalConnection.ConnectAsync(_options, _logger, OnFailed, token).ConfigureAwait(false);
                if (token.IsCancellationRequested)
                {
                    await physical.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                Publish(physical, attempt);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // ConnectAsync reports failures as RedisConnectionException; anything else must not end the loop either.
                lastError = ex;
                RedisLog.ReconnectFailed(_logger, attempt, _options.EndPoint, (long)delay.TotalMilliseconds, ex.Message);
            }
        }
    }

    private void SetStatus(RedisConnectionState state, int attempt, Exception? error)
    {
        RedisConnectionStatus status;
        lock (_statusLock)
        {
            if (_status.State == RedisConnectionState.Disposed)
            {
                return;
            }

            status = new RedisConnectionStatus(state, _options.EndPoint, attempt, error, DateTimeOffset.UtcNow);
            Volatile.Write(ref _status, status);
        }

        StatusChanged?.Invoke(this, status);
    }
}
