using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Consumers;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Remediation.Executors.PagerDuty;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Telemetry;
using IncidentPlatform.Remediation.Executors.Webhook;
using IncidentPlatform.Remediation.Workflow;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Http;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation;

/// <summary>
/// The remediation proposes, approves and runs remediations under policy. Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddRemediation"/> for a process of its own, or <see cref="AddRemediationModule"/> plus
/// <see cref="AddRemediationConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class RemediationExtensions
{
    /// <summary>Adds the remediation and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddRemediation(this IHostApplicationBuilder builder)
    {
        builder.AddRemediationModule();
        return builder.AddMessaging(bus => bus.AddRemediationConsumers());
    }

    /// <summary>
    /// Adds the remediation's services and options, without the bus. In the standalone host (in-memory transport) it
    /// defaults <c>Remediation:PolicyPath</c> to the bundled sample policy and <c>Remediation:DryRun</c> to true.
    /// </summary>
    public static IHostApplicationBuilder AddRemediationModule(this IHostApplicationBuilder builder)
    {
        ApplyStandaloneDefaults(builder);
        builder.AddIncidentStore();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RemediationOptions>().BindConfiguration(RemediationOptions.Section).ValidateOnStart();
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section).ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddOptions<PagerDutyOptions>().BindConfiguration(PagerDutyOptions.Section).ValidateOnStart();
        services.AddSingleton<RemediationOptionsValidator>();
        services.AddSingleton<IValidateOptions<RemediationOptions>>(sp => sp.GetRequiredService<RemediationOptionsValidator>());
        services.AddSingleton<IValidateOptions<AwsOptions>>(sp => sp.GetRequiredService<RemediationOptionsValidator>());
        services.AddSingleton<IValidateOptions<WebhookOptions>>(sp => sp.GetRequiredService<RemediationOptionsValidator>());
        services.AddSingleton<IValidateOptions<PagerDutyOptions>>(sp => sp.GetRequiredService<RemediationOptionsValidator>());

        services.AddSingleton<RemediationTelemetry>();
        services.AddSingleton<PolicyProvider>();
        services.AddHostedService<PolicyWatcher>();
        services.AddSingleton<RemediationRepository>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<RunLimits>();
        services.AddSingleton<RemediationWorkflow>();
        services.AddSingleton<RemediationTimeline>();
        services.AddSingleton<ProposalService>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<InterruptionService>();
        services.AddSingleton<SuggestionService>();
        services.AddSingleton<VerificationService>();
        services.AddSingleton<SweepStatus>();
        services.AddHostedService<RemediationSweeper>();
        AddExecutors(services);

        services.AddHealthChecks()
            .AddCheck<PolicyHealthCheck>("remediation-policy", tags: [HealthTags.Ready])
            .AddCheck<SweeperHealthCheck>("remediation-sweeper", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>Registers the remediation's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddRemediationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IncidentAnalyzedConsumer, IncidentAnalyzedConsumerDefinition>();
        bus.AddConsumer<DecideRemediationConsumer, DecideRemediationConsumerDefinition>();
        bus.AddConsumer<ResolveRemediationConsumer, ResolveRemediationConsumerDefinition>();
        bus.AddConsumer<ExecuteRemediationConsumer, ExecuteRemediationConsumerDefinition>();
        bus.AddConsumer<SuggestRemediationsConsumer, SuggestRemediationsConsumerDefinition>();
        bus.AddConsumer<VerifyAuditTrailConsumer, VerifyAuditTrailConsumerDefinition>();
        bus.AddConsumer<GetRemediationPolicyConsumer, GetRemediationPolicyConsumerDefinition>();
        return bus;
    }

    /// <summary>Maps the remediation's endpoints (none: the gateway is the public edge; health comes from the defaults).</summary>
    public static WebApplication MapRemediation(this WebApplication app)
    {
        return app;
    }

    // Executors and their HTTP clients are transient: IHttpClientFactory rotates the handlers underneath. AWS calls are
    // retried only by AwsClient's own rules (a retried action could run twice); the webhook and PagerDuty executors keep
    // the default, which retries a POST only when the server certainly did not act on it (refused, 429, 503).
    private static void AddExecutors(IServiceCollection services)
    {
        services.AddSingleton<AwsCredentialSource>();
        services.AddSingleton<AwsRetries>();
        services.AddSingleton<AwsServiceClients>();
        services.AddHttpClient<AwsClient>().WithoutRetries();
        services.AddTransient<IActionExecutor, LambdaInvokeExecutor>();
        services.AddTransient<IActionExecutor, SsmSendCommandExecutor>();
        services.AddTransient<IActionExecutor, SsmStartAutomationExecutor>();
        services.AddTransient<IActionExecutor, AutoScalingSetDesiredCapacityExecutor>();
        services.AddTransient<IActionExecutor, EcsForceNewDeploymentExecutor>();
        services.AddTransient<IActionExecutor, Ec2RebootInstancesExecutor>();
        // An allowed host's redirect could point anywhere (instance metadata included): never followed.
        services.AddHttpClient<WebhookExecutor>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient<IActionExecutor>(sp => sp.GetRequiredService<WebhookExecutor>());
        services.AddHttpClient<PagerDutyResolveExecutor>();
        services.AddTransient<IActionExecutor>(sp => sp.GetRequiredService<PagerDutyResolveExecutor>());
        services.AddHttpClient<PagerDutyNoteExecutor>();
        services.AddTransient<IActionExecutor>(sp => sp.GetRequiredService<PagerDutyNoteExecutor>());
        services.AddTransient<RemediationExecutor>();
    }

    private static void ApplyStandaloneDefaults(IHostApplicationBuilder builder)
    {
        var standalone = string.Equals(builder.Configuration[MessagingExtensions.TransportKey], MessagingExtensions.InMemory,
            StringComparison.OrdinalIgnoreCase);
        if (!standalone)
        {
            return;
        }

        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{RemediationOptions.Section}:{nameof(RemediationOptions.PolicyPath)}"]))
        {
            defaults[$"{RemediationOptions.Section}:{nameof(RemediationOptions.PolicyPath)}"] =
                Path.Combine(AppContext.BaseDirectory, "Policies", "sample-policy.yaml");
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{RemediationOptions.Section}:{nameof(RemediationOptions.DryRun)}"]))
        {
            defaults[$"{RemediationOptions.Section}:{nameof(RemediationOptions.DryRun)}"] = "true";
        }

        builder.Configuration.AddInMemoryCollection(defaults);
    }
}
