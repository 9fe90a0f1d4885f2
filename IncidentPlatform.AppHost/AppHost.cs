using IncidentPlatform.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// Secrets: set with `dotnet user-secrets set Parameters:splunk-token …` or environment variables Parameters__splunk-token.
var splunkUrl = builder.AddParameter("splunk-url");
var splunkToken = builder.AddParameter("splunk-token", secret: true);
var slackBotToken = builder.AddParameter("slack-bot-token", secret: true);
var slackChannel = builder.AddParameter("slack-channel");
var slackSigningSecret = builder.AddParameter("slack-signing-secret", secret: true);
var remediationPolicy = builder.AddParameter("remediation-policy"); // a YAML file or directory (see the remediation README)
var awsRegion = builder.AddParameter("aws-region");
var awsAccessKeyId = builder.AddParameter("aws-access-key-id", secret: true);
var awsSecretAccessKey = builder.AddParameter("aws-secret-access-key", secret: true);
var adminApiKey = builder.AddParameter("admin-api-key", secret: true);

var redis = builder.AddRedis(ResourceNames.Redis);
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging).WithManagementPlugin();

var detector = builder.AddProject<Projects.IncidentPlatform_Detector>(ResourceNames.Detector)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Splunk__Url", splunkUrl)
    .WithEnvironment("Splunk__Token", splunkToken);

builder.AddProject<Projects.IncidentPlatform_Analysis>(ResourceNames.Analysis)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("AWS_REGION", awsRegion)
    .WithEnvironment("AWS_ACCESS_KEY_ID", awsAccessKeyId)
    .WithEnvironment("AWS_SECRET_ACCESS_KEY", awsSecretAccessKey);

builder.AddProject<Projects.IncidentPlatform_Remediation>(ResourceNames.Remediation)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Remediation__PolicyPath", remediationPolicy)
    .WithEnvironment("AWS_REGION", awsRegion)
    .WithEnvironment("AWS_ACCESS_KEY_ID", awsAccessKeyId)
    .WithEnvironment("AWS_SECRET_ACCESS_KEY", awsSecretAccessKey);

builder.AddProject<Projects.IncidentPlatform_Notifier>(ResourceNames.Notifier)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Notifier__Channels__slack__Type", "slack-bot")
    .WithEnvironment("Notifier__Channels__slack__Token", slackBotToken)
    .WithEnvironment("Notifier__Channels__slack__Channel", slackChannel);

builder.AddProject<Projects.IncidentPlatform_Gateway>(ResourceNames.Gateway)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(detector)
    .WithEnvironment("Slack__SigningSecret", slackSigningSecret)
    .WithEnvironment("Auth__ApiKeys__admin__Key", adminApiKey)
    .WithEnvironment("Auth__ApiKeys__admin__Scopes", "read,write,approve,admin")
    .WithExternalHttpEndpoints();

builder.Build().Run();
