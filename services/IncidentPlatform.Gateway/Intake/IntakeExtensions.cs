using IncidentPlatform.Gateway.Inbox;
using IncidentPlatform.Gateway.Intake.Alertmanager;
using IncidentPlatform.Gateway.Intake.Authentication;
using IncidentPlatform.Gateway.Intake.CloudWatchLogs;
using IncidentPlatform.Gateway.Intake.Grafana;
using IncidentPlatform.Gateway.Intake.PagerDuty;
using IncidentPlatform.Gateway.Intake.Sns;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Alert intake, in one place: the generic JSON endpoint <c>/api/alerts</c> (an API key with <c>write</c>) and the vendor
/// webhooks <c>/api/alerts/sns</c>, <c>/cloudwatch-logs</c>, <c>/alertmanager</c>, <c>/grafana</c>, <c>/pagerduty</c>, each
/// behind its own authentication scheme (<see cref="WebhookAuthentication"/>): an API key with <c>write</c>, the source's
/// token, or the sender's signature.
/// </summary>
internal static class IntakeExtensions
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddInbox();
        services.AddScoped<AlertIntake>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(WebhookJsonContext.Default));
        services.AddSnsHttpClient();
        services.AddSingleton<SnsCertificates>();
        services.AddSingleton<SnsSubscriptions>();
        services.AddScoped<WebhookIntake>();
        services.AddScoped<LogBatchIntake>();
        services.AddAuthentication()
            .AddWebhook(SnsAuthentication.Source, SnsAuthentication.VerifyAsync)
            .AddWebhook(CloudWatchLogsEndpoint.Source, CloudWatchLogsEndpoint.VerifyAsync)
            .AddWebhook(AlertmanagerEndpoint.Source,
                c => WebhookCredentials.ApiKeyOrTokenAsync(c, AlertmanagerEndpoint.Source, Settings(c).Alertmanager.Token))
            .AddWebhook(GrafanaEndpoint.Source,
                c => WebhookCredentials.ApiKeyOrTokenAsync(c, GrafanaEndpoint.Source, Settings(c).Grafana.Token))
            .AddWebhook(PagerDutyAuthentication.Source, PagerDutyAuthentication.VerifyAsync);
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app) => app
        .MapJsonAlertEndpoint()
        .MapSnsWebhook()
        .MapCloudWatchLogsWebhook()
        .MapAlertmanagerWebhook()
        .MapGrafanaWebhook()
        .MapPagerDutyWebhook();

    private static WebhookOptions Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value;
}
