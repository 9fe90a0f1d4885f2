using IncidentPlatform.AppHost;
using IncidentPlatform.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// With nothing configured this starts and works: the offline analyzer, the sample policy in dry-run, notifications on
// the notifier's console, and an admin key generated on the first run and kept in this project's user secrets
// (`dotnet user-secrets list --project IncidentPlatform.AppHost`; the dashboard shows it under Parameters).
var adminKey = builder.AddParameter("admin-api-key",
        new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true)
    .WithDescription("The gateway's admin API key (send it as X-Api-Key). Generated on the first run unless configured.");
var adminRoles = builder.AddParameter("admin-roles", "sre,capacity", publishValueAsDefault: true)
    .WithDescription("Approver roles of the admin key (the sample policy's rules name sre and capacity).");
var remediationPolicy = builder.AddParameter("remediation-policy", "Policies/sample-policy.yaml", publishValueAsDefault: true)
    .WithDescription("The remediation policy: a YAML file or directory, relative to the remediation service.");
var remediationDryRun = builder.AddParameter("remediation-dry-run", "true", publishValueAsDefault: true)
    .WithDescription("true: actions only record the request they would send.");

// Optional integrations join only when configured (`dotnet user-secrets set Parameters:splunk-token …` or
// Parameters__splunk-token in the environment), so nothing is asked for on a first run.
var splunkUrl = builder.AddOptionalParameter("splunk-url");
var splunkToken = builder.AddOptionalParameter("splunk-token", secret: true);
var slackBotToken = builder.AddOptionalParameter("slack-bot-token", secret: true);
var slackChannel = builder.AddOptionalParameter("slack-channel");
var slackSigningSecret = builder.AddOptionalParameter("slack-signing-secret", secret: true);
var awsRegion = builder.AddOptionalParameter("aws-region");
var awsAccessKeyId = builder.AddOptionalParameter("aws-access-key-id", secret: true);
var awsSecretAccessKey = builder.AddOptionalParameter("aws-secret-access-key", secret: true);

var redis = builder.AddRedis(ResourceNames.Redis);
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging).WithManagementPlugin();

var detector = builder.AddService<Projects.IncidentPlatform_Detector>(ResourceNames.Detector, redis, messaging)
    .WithOptionalEnvironment("Splunk__Url", splunkUrl)
    .WithOptionalEnvironment("Splunk__Token", splunkToken);

var analysis = builder.AddService<Projects.IncidentPlatform_Analysis>(ResourceNames.Analysis, redis, messaging)
    .WithOptionalEnvironment("AWS_REGION", awsRegion)
    .WithOptionalEnvironment("AWS_ACCESS_KEY_ID", awsAccessKeyId)
    .WithOptionalEnvironment("AWS_SECRET_ACCESS_KEY", awsSecretAccessKey);

var remediation = builder.AddService<Projects.IncidentPlatform_Remediation>(ResourceNames.Remediation, redis, messaging)
    .WithEnvironment("Remediation__PolicyPath", remediationPolicy)
    .WithEnvironment("Remediation__DryRun", remediationDryRun)
    .WithOptionalEnvironment("AWS_REGION", awsRegion)
    .WithOptionalEnvironment("AWS_ACCESS_KEY_ID", awsAccessKeyId)
    .WithOptionalEnvironment("AWS_SECRET_ACCESS_KEY", awsSecretAccessKey);

var notifier = builder.AddService<Projects.IncidentPlatform_Notifier>(ResourceNames.Notifier, redis, messaging);
if (slackBotToken is not null)
{
    notifier.WithEnvironment("Notifier__Channels__slack__Type", "slack-bot")
        .WithEnvironment("Notifier__Channels__slack__Token", slackBotToken)
        .WithOptionalEnvironment("Notifier__Channels__slack__Channel", slackChannel);
}

// The public edge, started once the services behind it are healthy. Locally on http://localhost:8080, like the standalone
// host (tests get a free port instead); a deployment chooses its own.
var gatewayPort = builder.ExecutionContext.IsRunMode ? 8080 : (int?)null;
builder.AddService<Projects.IncidentPlatform_Gateway>(ResourceNames.Gateway, redis, messaging, gatewayPort)
    .WaitFor(detector).WaitFor(analysis).WaitFor(remediation).WaitFor(notifier)
    .WithEnvironment("Auth__ApiKeys__admin__Key", adminKey)
    .WithEnvironment("Auth__ApiKeys__admin__Scopes", "read,write,approve,admin")
    .WithEnvironment("Auth__ApiKeys__admin__Roles", adminRoles)
    .WithOptionalEnvironment("Slack__SigningSecret", slackSigningSecret)
    .WithExternalHttpEndpoints()
    .WithUrlForEndpoint("http", _ => new() { Url = "/ui/", DisplayText = "Web UI" });

builder.Build().Run();
