using IncidentPlatform.Detector;
using IncidentPlatform.Gateway;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Gateway;

/// <summary>
/// The gateway, the detector and the remediation in one process (as in the standalone host) on a loopback port:
/// in-memory bus, embedded store in a temporary directory, a policy file, API keys with and without the approver role.
/// </summary>
internal sealed class GatewayHost(TestHost host) : IAsyncDisposable
{
    public const string Admin = "admin-key-0123456789abcdef";
    public const string Reader = "reader-key-0123456789abcdef";
    public const string Writer = "writer-key-0123456789abcdef";
    public const string Sre = "sre-key-0123456789abcdef";
    public const string OtherSre = "other-sre-key-0123456789abcdef";
    public const string Dba = "dba-key-0123456789abcdef";

    public Uri Address { get; } = host.Address;

    public IServiceProvider Services => host.Services;

    public static async Task<GatewayHost> StartAsync(
        string policy, IReadOnlyDictionary<string, string?>? configuration = null, TimeProvider? time = null) =>
        new(await TestHost.StartAsync("ip-remediation-", directory =>
        {
            File.WriteAllText(directory.File("policy.yaml"), policy);
            var builder = TestHost.WebBuilder(directory);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Remediation:PolicyPath"] = directory.File("policy.yaml"),
                ["Remediation:SweepInterval"] = "01:00:00",
                ["Auth:ApiKeys:admin:Key"] = Admin, ["Auth:ApiKeys:admin:Scopes"] = "admin",
                ["Auth:ApiKeys:reader:Key"] = Reader, ["Auth:ApiKeys:reader:Scopes"] = "read",
                ["Auth:ApiKeys:writer:Key"] = Writer, ["Auth:ApiKeys:writer:Scopes"] = "read,write",
                ["Auth:ApiKeys:sre-alice:Key"] = Sre, ["Auth:ApiKeys:sre-alice:Scopes"] = "read,approve", ["Auth:ApiKeys:sre-alice:Roles"] = "sre",
                ["Auth:ApiKeys:sre-bob:Key"] = OtherSre, ["Auth:ApiKeys:sre-bob:Scopes"] = "read,approve", ["Auth:ApiKeys:sre-bob:Roles"] = "sre",
                ["Auth:ApiKeys:dba-carol:Key"] = Dba, ["Auth:ApiKeys:dba-carol:Scopes"] = "read,approve", ["Auth:ApiKeys:dba-carol:Roles"] = "dba",
            });
            if (configuration is not null)
            {
                builder.Configuration.AddInMemoryCollection(configuration);
            }

            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            builder.AddServiceDefaults();
            builder.AddGatewayModule().AddDetectorModule().AddRemediationModule();
            builder.AddMessaging(bus => bus.AddGatewayConsumers().AddDetectorConsumers().AddRemediationConsumers());
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapDetector();
            app.MapRemediation();
            app.MapGateway();
            return app;
        }));

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
