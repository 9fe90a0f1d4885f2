using System.Globalization;
using System.Threading.RateLimiting;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// Rate limiting with ASP.NET Core's limiter, one fixed one-minute window per partition: an authenticated caller by its
/// stable id, anyone else by client address (so guessing keys, or flooding health, the UI's files or a webhook with bad
/// signatures, is limited too). It runs after authentication and before authorization (<see cref="UseGatewayAuth"/>), so
/// requests refused for a missing or wrong credential count against their address. Limits are per gateway instance.
/// Rejections are 429 problem details with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitsPerMinute < 0 || options.AnonymousPermitsPerMinute < 0)
        {
            throw new ConfigurationException(
                $"'{RateLimitOptions.Section}:PermitsPerMinute' and 'AnonymousPermitsPerMinute' must be 0 (off) or more.");
        }

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (partition, permits) = context.User.Identity?.IsAuthenticated == true
                    ? ("caller:" + (context.User.ActorId() ?? context.User.Actor()), options.PermitsPerMinute)
                    : ("address:" + context.Connection.RemoteIpAddress, options.AnonymousPermitsPerMinute);
                return permits == 0
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    });
            });
            limiter.OnRejected = (context, _) => Rejected(context);
        });
        return services;
    }

    /// <summary>
    /// Authentication, then the rate limiter, then authorization: called before any endpoint runs, so that the
    /// framework does not add its own authentication and authorization ahead of the limiter.
    /// </summary>
    public static IApplicationBuilder UseGatewayAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseRateLimiter().UseAuthorization();

    private static ValueTask Rejected(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        var who = context.HttpContext.User.Identity?.IsAuthenticated == true ? "This credential" : "This address, without a valid credential,";
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"{who} made too many requests; retry after {seconds} s."));
    }
}
