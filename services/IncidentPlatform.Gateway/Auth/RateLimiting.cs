using System.Globalization;
using System.Threading.RateLimiting;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// Per-caller rate limiting with ASP.NET Core's limiter: one fixed one-minute window per authenticated name (so every
/// replica of a key shares nothing; limits are per gateway instance). Rejections are 429 problem details with
/// Retry-After. Anonymous requests (health) are not limited here.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitsPerMinute < 0)
        {
            throw new ConfigurationException($"'{RateLimitOptions.Section}:PermitsPerMinute' must be 0 (off) or more.");
        }

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var name = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
                return name is null || options.PermitsPerMinute == 0
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    });
            });
            limiter.OnRejected = (context, _) => Rejected(context);
        });
        return services;
    }

    private static ValueTask Rejected(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This credential made too many requests; retry after {seconds} s."));
    }
}
