using IncidentPlatform.Detector;
using IncidentPlatform.Gateway;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Remediation.Tests.Gateway;

/// <summary>
/// The gateway, the detector and the remediation in one process (as in the standalone host) on a loopback port:
/// in-memory bus, embedded store in a temporary directory, a policy file, API keys with and without the approver role.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string Admin = "admin-key-0123456789abcdef";
    public const string Reader = "reader-key-0123456789abcdef";
    public const string Writer = "writer-key-0123456789abcdef";
    public const string Sre = "sre-key-0123456789abcdef";
    public const string OtherSre = "other-sre-key-0123456789abcdef";
    public const string Dba = "dba-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly TempDirectory _directory;

    private GatewayHost(WebApplication app, TempDirectory directory, Uri address)
    {
        _app = app;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayHost> StartAsync(
        string policy, IReadOnlyDictionary<string, string?>? configuration = null, TimeProvider? time = null)
    {
        var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("policy.yaml"), policy);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [MessagingExtensions.TransportKey] = MessagingExtensions.InMemory,
            ["IncidentPlatform:Store"] = "embedded",
            ["IncidentPlatform:DataDirectory"] = directory.File("data"),
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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, directory, new Uri(address));
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
