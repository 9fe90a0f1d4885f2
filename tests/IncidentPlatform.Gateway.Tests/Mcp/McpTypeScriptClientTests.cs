using System.Diagnostics;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Mcp;

/// <summary>
/// The official TypeScript SDK (<c>@modelcontextprotocol/sdk</c> from npm, pinned by <c>TypeScript/package-lock.json</c>)
/// connects to the gateway over Streamable HTTP, lists and calls tools: a small node script run against a test host.
/// </summary>
public sealed class McpTypeScriptClientTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private readonly string _client = Directory.CreateTempSubdirectory("ip-mcp-ts-").FullName;

    [Fact]
    public async Task TypeScriptSdk_ConnectsListsAndCallsTools_WithTheKeysScopes()
    {
        await InstallAsync();
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0, "Checkout latency");

        var listed = await RunAsync(host, TestKeys.Reader, "incident_management", """{"action":"list"}""");
        var refused = await RunAsync(host, TestKeys.Reader, "incident_management", $$"""{"action":"resolve","id":"{{incident.Id}}"}""");

        listed.GetProperty("server").GetProperty("name").GetString().ShouldBe("incidentplatform");
        listed.GetProperty("tools").EnumerateArray().Select(t => t.GetString()).ShouldBe(
            ["incident_management", "incident_detection", "root_cause_analysis", "slack_notifications", "remediation_suggestions",
             "remediation_decision", "remediation_resolve", "dead_letters", "silences", "incident_kpis"], ignoreOrder: true);
        listed.GetProperty("templates").EnumerateArray().Select(t => t.GetString()).ShouldBe(
            ["incident://{id}", "incident://{id}/timeline"], ignoreOrder: true);
        var result = listed.GetProperty("result");
        result.GetProperty("structuredContent").GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(incident.Id);
        result.GetProperty("content")[0].GetProperty("text").GetString()!.ShouldStartWith("1 incident(s).");
        refused.GetProperty("result").GetProperty("isError").GetBoolean().ShouldBeTrue();
        refused.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!.ShouldContain("'write' scope");
    }

    public void Dispose() => Directory.Delete(_client, recursive: true);

    // The script and the lock file are copied beside the test assembly; the SDK is installed from npm into a temporary copy.
    private async Task InstallAsync()
    {
        foreach (var file in new[] { "package.json", "package-lock.json", "client.mjs" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Mcp", "TypeScript", file), Path.Combine(_client, file));
        }

        var (code, output) = await ExecAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        code.ShouldBe(0, $"npm ci failed: {output}");
    }

    private async Task<JsonElement> RunAsync(GatewayTestHost host, string key, string tool, string arguments)
    {
        var (code, output) = await ExecAsync("node", ["client.mjs", new Uri(host.Address, "/mcp").AbsoluteUri, key, tool, arguments],
            TimeSpan.FromMinutes(2));
        code.ShouldBe(0, output);
        return JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()).RootElement.Clone();
    }

    private async Task<(int Code, string Output)> ExecAsync(string command, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = _client, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, (await stdout).Trim() + (process.ExitCode == 0 ? "" : "\n" + await stderr));
    }
}
