using System.Text.Json;
using IncidentPlatform.Testing;

namespace IncidentPlatform.AppHost.Tests;

/// <summary>
/// The deployment manifest (<c>--publisher manifest</c>, what azd and other tools read): the seven resources, their
/// images, bindings and wiring, produced by the built AppHost exactly as a deployment tool runs it.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string[] Services = ["detector", "analysis", "remediation", "notifier", "gateway"];

    private static readonly string[] OptionalParameters =
    [
        "splunk-url", "splunk-token", "slack-bot-token", "slack-channel", "slack-signing-secret", "aws-region",
        "aws-access-key-id", "aws-secret-access-key",
    ];

    [Fact]
    public async Task PublisherManifest_NothingConfigured_DescribesTheSevenResourcesAndTheirBindings()
    {
        var resources = await PublishAsync(new Dictionary<string, string>());

        resources.EnumerateObject().Where(r => r.Value.GetProperty("type").GetString() is "container.v0" or "project.v0")
            .Select(r => r.Name).Order().ShouldBe(AppHostFixture.Resources.Order());

        var redis = resources.GetProperty("redis");
        redis.GetProperty("image").GetString().ShouldBe(LocalContainers.RedisImage);
        Binding(redis, "tcp").GetProperty("targetPort").GetInt32().ShouldBe(6379);
        redis.GetProperty("connectionString").GetString()!.ShouldContain("password={redis-password.value}");
        var messaging = resources.GetProperty("messaging");
        messaging.GetProperty("image").GetString().ShouldBe(LocalContainers.RabbitMqImage);
        Binding(messaging, "tcp").GetProperty("targetPort").GetInt32().ShouldBe(5672);
        Binding(messaging, "management").GetProperty("targetPort").GetInt32().ShouldBe(15672);
        messaging.GetProperty("env").GetProperty("RABBITMQ_DEFAULT_PASS").GetString().ShouldBe("{messaging-password.value}");

        foreach (var name in Services)
        {
            var service = resources.GetProperty(name);
            var project = $"IncidentPlatform.{char.ToUpperInvariant(name[0])}{name[1..]}";
            service.GetProperty("path").GetString()!.Replace('\\', '/').ShouldEndWith($"services/{project}/{project}.csproj");
            var env = service.GetProperty("env");
            env.GetProperty("ConnectionStrings__redis").GetString().ShouldBe("{redis.connectionString}");
            env.GetProperty("ConnectionStrings__messaging").GetString().ShouldBe("{messaging.connectionString}");
            env.GetProperty("HTTP_PORTS").GetString().ShouldBe($"{{{name}.bindings.http.targetPort}}");
            var http = Binding(service, "http");
            http.GetProperty("scheme").GetString().ShouldBe("http");
            // Only the gateway is reachable from outside.
            (http.TryGetProperty("external", out var external) && external.GetBoolean()).ShouldBe(name == "gateway", name);
            env.EnumerateObject().ShouldNotContain(v => v.Name.StartsWith("Splunk__", StringComparison.Ordinal) ||
                v.Name.StartsWith("AWS_", StringComparison.Ordinal) || v.Name.StartsWith("Notifier__Channels__", StringComparison.Ordinal), name);
        }

        var gateway = resources.GetProperty("gateway").GetProperty("env");
        gateway.GetProperty("Auth__ApiKeys__admin__Key").GetString().ShouldBe("{admin-api-key.value}");
        gateway.GetProperty("Auth__ApiKeys__admin__Roles").GetString().ShouldBe("{admin-roles.value}");
        var adminKey = resources.GetProperty("admin-api-key").GetProperty("inputs").GetProperty("value");
        adminKey.GetProperty("secret").GetBoolean().ShouldBeTrue();
        adminKey.GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32().ShouldBeGreaterThanOrEqualTo(32);
        var remediation = resources.GetProperty("remediation").GetProperty("env");
        remediation.GetProperty("Remediation__PolicyPath").GetString().ShouldBe("{remediation-policy.value}");
        remediation.GetProperty("Remediation__DryRun").GetString().ShouldBe("{remediation-dry-run.value}");
        Default(resources, "remediation-dry-run").ShouldBe("true");
        Default(resources, "remediation-policy").ShouldBe("Policies/sample-policy.yaml");
        File.Exists(Path.Combine(RepositoryPaths.Root, "services", "IncidentPlatform.Remediation", "Policies", "sample-policy.yaml")).ShouldBeTrue();
        OptionalParameters.Intersect(resources.EnumerateObject().Select(r => r.Name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PublisherManifest_SlackConfigured_AsksForItsSecretsAndWiresTheNotifierAndGateway()
    {
        var resources = await PublishAsync(new Dictionary<string, string>
        {
            ["Parameters__slack-bot-token"] = "xoxb-configured", ["Parameters__slack-channel"] = "#incidents",
            ["Parameters__slack-signing-secret"] = "configured-signing-secret",
        });

        // The values stay out of the manifest: a deployment asks for them.
        resources.GetProperty("slack-bot-token").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean().ShouldBeTrue();
        resources.GetRawText().ShouldNotContain("xoxb-configured");
        var notifier = resources.GetProperty("notifier").GetProperty("env");
        notifier.GetProperty("Notifier__Channels__slack__Type").GetString().ShouldBe("slack-bot");
        notifier.GetProperty("Notifier__Channels__slack__Token").GetString().ShouldBe("{slack-bot-token.value}");
        notifier.GetProperty("Notifier__Channels__slack__Channel").GetString().ShouldBe("{slack-channel.value}");
        resources.GetProperty("gateway").GetProperty("env").GetProperty("Slack__SigningSecret").GetString()
            .ShouldBe("{slack-signing-secret.value}");
        resources.TryGetProperty("splunk-url", out _).ShouldBeFalse();
    }

    private static JsonElement Binding(JsonElement resource, string name) => resource.GetProperty("bindings").GetProperty(name);

    private static string? Default(JsonElement resources, string parameter) =>
        resources.GetProperty(parameter).GetProperty("inputs").GetProperty("value").GetProperty("default").GetProperty("value").GetString();

    // Runs the built AppHost as azd does. The optional integrations' parameters are set empty unless given, so values a
    // developer keeps in the AppHost's user secrets do not change what this sees.
    private static async Task<JsonElement> PublishAsync(Dictionary<string, string> configuration)
    {
        var directory = Directory.CreateTempSubdirectory("ip-manifest-").FullName;
        try
        {
            var environment = OptionalParameters.ToDictionary(p => $"Parameters__{p}", _ => "");
            foreach (var (key, value) in configuration)
            {
                environment[key] = value;
            }

            var appHost = Path.Combine(RepositoryPaths.Root, "IncidentPlatform.AppHost", "bin", RepositoryPaths.Configuration,
                "net10.0", "IncidentPlatform.AppHost.dll");
            var manifest = Path.Combine(directory, "aspire-manifest.json");
            await Command.RunAsync("dotnet", [appHost, "--publisher", "manifest", "--output-path", manifest],
                TimeSpan.FromMinutes(2), environment, Path.GetDirectoryName(appHost));
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(manifest));
            return document.RootElement.GetProperty("resources").Clone();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
