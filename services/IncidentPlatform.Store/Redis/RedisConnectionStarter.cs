using IncidentPlatform.Redis;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Connects the shared Redis connection as the host starts, so the first request does not pay for it and the log
/// says at once whether Redis was reachable. An unreachable Redis does not stop the start (the connection goes on
/// trying; the <c>redis</c> health check reports it); options the client refuses do, naming the key.
/// </summary>
internal sealed partial class RedisConnectionStarter(RedisConnectionSource source, ILogger<RedisConnectionStarter> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RedisConnection connection;
        try
        {
            connection = await source.GetAsync().WaitAsync(cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(
                $"'ConnectionStrings:{ResourceNames.Redis}' cannot be used: {ex.Message}", ex);
        }

        var status = connection.Status;
        if (connection.IsConnected)
        {
            Connected(logger, status.EndPoint);
        }
        else
        {
            Unreachable(logger, status.EndPoint, status.LastError?.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Redis incident store at {EndPoint}")]
    private static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Redis at {EndPoint} is unreachable ({Error}); starting anyway and reconnecting in the background")]
    private static partial void Unreachable(ILogger logger, string endPoint, string? error);
}
