using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Executors;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>Executors wired to a fake server, and runs built through the action's schema as the executor builds them.</summary>
internal static class TestExecutors
{
    /// <summary>The signed-HTTP client (Lambda, Auto Scaling, ECS) pointed at the fake.</summary>
    public static AwsClient Aws(FakeHttpServer server, int maxRetries = 3, string? sessionToken = null)
    {
        var options = AwsOptionsFor(server, maxRetries, sessionToken);
        return new AwsClient(new HttpClient(), options, new AwsCredentialSource(options), Retries(options));
    }

    /// <summary>The SDK clients (EC2, SSM) pointed at the fake through their ServiceURL.</summary>
    public static AwsServiceClients AwsSdk(FakeHttpServer server, int maxRetries = 3) =>
        AwsSdk(AwsOptionsFor(server, maxRetries, sessionToken: null));

    public static AwsServiceClients AwsSdk(IOptions<AwsOptions> options) =>
        new(options, new AwsCredentialSource(options), Retries(options));

    private static AwsRetries Retries(IOptions<AwsOptions> options) =>
        new(options, TimeProvider.System, NullLogger<AwsRetries>.Instance);

    private static IOptions<AwsOptions> AwsOptionsFor(FakeHttpServer server, int maxRetries, string? sessionToken)
    {
        var endpoint = server.BaseAddress.ToString();
        return Options.Create(new AwsOptions
        {
            Region = AwsKeys.Region, AccessKeyId = AwsKeys.AccessKeyId, SecretAccessKey = AwsKeys.SecretAccessKey, SessionToken = sessionToken,
            MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(5),
            Endpoints = new(StringComparer.OrdinalIgnoreCase)
            {
                ["lambda"] = endpoint, ["ssm"] = endpoint, ["ecs"] = endpoint, ["autoscaling"] = endpoint, ["ec2"] = endpoint,
            },
        });
    }

    public static ActionRun Run(string actionId, Dictionary<string, string> parameters, bool dryRun = false,
        params (string Name, string[] Values)[] bounds)
    {
        var actionBounds = new ActionBounds(bounds.ToDictionary(b => b.Name, b => (IReadOnlyList<string>)b.Values));
        var check = ActionSchemas.ById[actionId].Check(parameters, actionBounds);
        check.Ok.ShouldBeTrue(string.Join("; ", check.Errors));
        return new ActionRun(Remediation(actionId, check.Parameters, check.Target), check.Parameters, actionBounds, dryRun);
    }

    public static Contracts.Remediation Remediation(string actionId, IReadOnlyDictionary<string, string> parameters, string target) => new()
    {
        Id = $"rem-{Guid.NewGuid():N}",
        IncidentId = $"inc-{Guid.NewGuid():N}",
        ActionId = actionId,
        Parameters = parameters,
        Rule = "test",
        PolicyVersion = new string('a', 64),
        Risk = RiskLevel.Medium,
        ApprovalMode = ApprovalMode.Auto,
        State = RemediationState.Executing,
        RequestedBy = "policy",
        Target = target,
        CreatedAt = TestData.Wednesday10,
        UpdatedAt = TestData.Wednesday10,
    };
}
