using System.Diagnostics;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Audit;

/// <summary><c>verify-audit &lt;incidentId&gt;</c>, run as the service's own program against an embedded store.</summary>
public sealed class VerifyAuditCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task VerifyAudit_IntactTrail_PrintsValidAndExitsZero()
    {
        await WriteTrailAsync("inc-cli-ok", forged: false);

        var (exit, output) = await RunAsync("verify-audit", "inc-cli-ok");

        exit.ShouldBe(0, output);
        output.ShouldContain("valid (sha256): the audit trail of inc-cli-ok has 3 entries and every link holds");
    }

    [Fact]
    public async Task VerifyAudit_ForgedEntry_PrintsTheFirstBrokenLinkAndExitsOne()
    {
        await WriteTrailAsync("inc-cli-forged", forged: true);

        var (exit, output) = await RunAsync("verify-audit", "inc-cli-forged");

        exit.ShouldBe(1, output);
        output.ShouldContain("invalid (sha256): the audit trail of inc-cli-forged has 4 entries; first broken link at entry 3: entry 3 does not link to entry 2");
    }

    [Fact]
    public async Task VerifyAudit_WithoutIncident_PrintsUsage()
    {
        var (exit, output) = await RunAsync("verify-audit");

        exit.ShouldBe(2);
        output.ShouldContain("usage: verify-audit <incidentId>");
    }

    [Fact]
    public async Task VerifyAudit_AnOptionWhereTheIncidentGoes_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await VerifyAuditCommand.RunAsync(["verify-audit", "--IncidentPlatform:Store=embedded"], output, error);

        exit.ShouldBe(2);
        error.ToString().ShouldContain("verify-audit: '--IncidentPlatform:Store=embedded' is not an incident id");
        error.ToString().ShouldContain("usage: verify-audit <incidentId>");
        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task VerifyAudit_Help_DescribesTheCommandAndChecksNothing()
    {
        using var output = new StringWriter();

        var exit = await VerifyAuditCommand.RunAsync(["verify-audit", "--help"], output, output);

        exit.ShouldBe(0);
        output.ToString().ShouldContain("hash-chained audit trail");
        output.ToString().ShouldContain("verify-audit <incidentId>");
        output.ToString().ShouldNotContain("valid:");
    }

    [Fact]
    public async Task VerifyAudit_InProcess_ReadsTheStoreFromItsArguments()
    {
        await WriteTrailAsync("inc-cli-args", forged: false);
        using var output = new StringWriter();

        var exit = await VerifyAuditCommand.RunAsync(
            ["verify-audit", "inc-cli-args", "--IncidentPlatform:Store=embedded", $"--IncidentPlatform:DataDirectory={_directory.File("data")}"],
            output, output);

        exit.ShouldBe(0, output.ToString());
    }

    [Fact]
    public async Task VerifyAudit_KeyedChain_SaysWhichModeItChecked()
    {
        await WriteTrailAsync("inc-cli-keyed", forged: false, new AuditHasher(Key));
        string[] store = ["--IncidentPlatform:Store=embedded", $"--IncidentPlatform:DataDirectory={_directory.File("data")}"];
        using var keyed = new StringWriter();
        using var unkeyed = new StringWriter();

        var keyedExit = await VerifyAuditCommand.RunAsync(["verify-audit", "inc-cli-keyed", .. store, $"--Remediation:AuditKey={Key}"], keyed, keyed);
        var unkeyedExit = await VerifyAuditCommand.RunAsync(["verify-audit", "inc-cli-keyed", .. store], unkeyed, unkeyed);

        keyedExit.ShouldBe(0, keyed.ToString());
        keyed.ToString().ShouldContain("valid (hmac-sha256): the audit trail of inc-cli-keyed has 3 entries");
        unkeyedExit.ShouldBe(1);
        unkeyed.ToString().ShouldContain("invalid (sha256): the audit trail of inc-cli-keyed has 3 entries; first broken link at entry 0");
    }

    private const string Key = "verify-audit-key-0123456789abcdefghij";

    private async Task WriteTrailAsync(string incidentId, bool forged, AuditHasher? hasher = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["IncidentPlatform:Store"] = "embedded";
        builder.Configuration["IncidentPlatform:DataDirectory"] = _directory.File("data");
        builder.AddIncidentStore();
        using var host = builder.Build();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<IAppendLog>();
        var trail = new AuditTrail(log, TimeProvider.System, hasher ?? AuditHasher.Unkeyed);
        foreach (var kind in new[] { "proposed", "approved", "succeeded" })
        {
            await trail.AppendAsync(new AuditRecord(incidentId, kind, "policy", "policy", new Dictionary<string, string>()), default);
        }

        if (forged)
        {
            // Someone with store access adds an entry that claims to follow the chain but links to nothing.
            var last = (await trail.ReadAsync(incidentId, default))[^1];
            var fake = last with { Sequence = 3, Kind = "approved", Actor = "mallory", PreviousHash = new string('f', 64) };
            await log.AppendAsync(AuditTrail.Stream(incidentId), System.Text.Json.JsonSerializer.Serialize(fake with { Hash = AuditHasher.Unkeyed.Hash(fake) },
                Serialization.RemediationJsonContext.Default.AuditEntry));
        }

        await host.StopAsync();
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.ServiceAssembly("IncidentPlatform.Remediation"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory.Path,
        };
        info.Environment["IncidentPlatform__Store"] = "embedded";
        info.Environment["IncidentPlatform__DataDirectory"] = _directory.File("data");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
