using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Makes the Redis multiplexer as the host starts, so the first request does not pay for it and the log says at once
/// whether Redis was reachable. An unreachable Redis does not stop the start: the multiplexer goes on trying in the
/// background and the <c>StackExchange.Redis</c> health check reports it.
/// </summary>
internal sealed partial class RedisConnectionStarter(IServiceProvider services, ILogger<RedisConnectionStarter> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Connecting blocks for up to connectTimeout when Redis is down: off the starting thread.
        var redis = await Task.Run(services.GetRequiredService<IConnectionMultiplexer>, cancellationToken);
        var endPoints = string.Join(", ", redis.GetEndPoints().Select(e => e.ToString()));
        if (redis.IsConnected)
        {
            Connected(logger, endPoints);
        }
        else
        {
            Unreachable(logger, endPoints);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Redis incident store at {EndPoint}")]
    private static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Redis at {EndPoint} is unreachable; starting anyway and reconnecting in the background")]
    private static partial void Unreachable(ILogger logger, string endPoint);
}
