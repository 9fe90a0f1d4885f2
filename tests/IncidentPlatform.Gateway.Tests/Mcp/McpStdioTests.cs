using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;

namespace IncidentPlatform.Gateway.Tests.Mcp;

/// <summary>The gateway executable started with <c>--stdio</c>, driven by the SDK's stdio client.</summary>
public sealed class McpStdioTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ip-stdio-").FullName;

    // The probe timeout is raised (SDK default 5 s, csharp-sdk#1701): a process starting on a loaded test machine may
    // take longer to answer server/discover, and the client would then conclude that the revision is unsupported.
    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    [InlineData(null)]
    public async Task Stdio_SdkClient_ServesToolsWithTheConfiguredKeysScopes(string? version)
    {
        var incident = await SeedAsync();
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [RepositoryPaths.ServiceAssembly("IncidentPlatform.Gateway"), "--stdio"],
            EnvironmentVariables = Environment(TestKeys.Reader),
            StandardErrorLines = stderr.Enqueue,
        });

        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = version, DiscoverProbeTimeout = TimeSpan.FromSeconds(60) },
            cancellationToken: TestContext.Current.CancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var detail = await client.CallAsync("incident_management", new { action = "get", id = incident.Id });
        var refused = await client.CallAsync("incident_management", new { action = "acknowledge", id = incident.Id });

        client.ServerInfo!.Name.ShouldBe("incidentplatform");
        client.NegotiatedProtocolVersion.ShouldBe(version ?? "2026-07-28");
        tools.Count.ShouldBeGreaterThanOrEqualTo(6);
        detail.Structured().GetProperty("title").GetString().ShouldBe("Seeded over stdio");
        refused.IsError.ShouldBe(true);
        refused.Text().ShouldContain("'write' scope");
        refused.Text().ShouldContain("'reader'");
    }

    [Fact]
    public async Task Stdio_WithoutApiKey_ExitsWithCode2AndSaysWhyOnStderr()
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.ServiceAssembly("IncidentPlatform.Gateway"), "--stdio"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var (key, value) in Environment(apiKey: null))
        {
            info.Environment[key] = value;
        }

        info.Environment.Remove("INCIDENTPLATFORM_API_KEY");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(2);
        stderr.ShouldContain("INCIDENTPLATFORM_API_KEY");
        (await stdout).ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Dictionary<string, string?> Environment(string? apiKey) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Messaging__Transport"] = "in-memory",
        ["IncidentPlatform__Store"] = "embedded",
        ["IncidentPlatform__DataDirectory"] = _data,
        ["Auth__ApiKeys__reader__Key"] = TestKeys.Reader,
        ["Auth__ApiKeys__reader__Scopes"] = "read",
        ["Auth__ApiKeys__writer__Key"] = TestKeys.Writer,
        ["Auth__ApiKeys__writer__Scopes"] = "read,write",
        ["INCIDENTPLATFORM_API_KEY"] = apiKey,
    };

    // The embedded store locks its directory, so the incident is written before the gateway process opens it.
    private async Task<Incident> SeedAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("IncidentPlatform:Store", "embedded"), new("IncidentPlatform:DataDirectory", _data)]);
        builder.AddIncidentStore();
        using var host = builder.Build();
        await host.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Id = "inc-stdio-1", Fingerprint = "fp-stdio", Title = "Seeded over stdio", Severity = Severity.High,
            Status = IncidentStatus.Open, Source = "test", CreatedAt = now, UpdatedAt = now,
        };
        var stored = (await host.Services.GetRequiredService<IIncidentStore>().FindOrOpenAsync("fp-stdio", incident)).Incident;
        await host.StopAsync();
        return stored;
    }
}
