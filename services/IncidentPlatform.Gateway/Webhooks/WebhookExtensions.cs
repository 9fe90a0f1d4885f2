using IncidentPlatform.Gateway.Webhooks.Alertmanager;
using IncidentPlatform.Gateway.Webhooks.CloudWatchLogs;
using IncidentPlatform.Gateway.Webhooks.Grafana;
using IncidentPlatform.Gateway.Webhooks.PagerDuty;
using IncidentPlatform.Gateway.Webhooks.Sns;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Webhooks;

/// <summary>
/// The vendor alert webhooks: <c>/api/alerts/sns</c>, <c>/api/alerts/cloudwatch-logs</c>, <c>/api/alerts/alertmanager</c>,
/// <c>/api/alerts/grafana</c>, <c>/api/alerts/pagerduty</c>. Each is anonymous at the routing level and authenticates
/// itself: an API key with <c>write</c>, the source's token, or the sender's signature (see <see cref="WebhookAuth"/>).
/// </summary>
internal static class WebhookExtensions
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(WebhookJsonContext.Default));
        services.AddSnsHttpClient();
        services.AddSingleton<SnsCertificates>();
        services.AddSingleton<SnsSubscriptions>();
        services.AddScoped<WebhookIntake>();
        services.AddScoped<LogBatchIntake>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app) => app
        .MapSnsWebhook()
        .MapCloudWatchLogsWebhook()
        .MapAlertmanagerWebhook()
        .MapGrafanaWebhook()
        .MapPagerDutyWebhook();
}
