using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// <c>verify-audit &lt;incidentId&gt;</c>: checks an incident's audit chain in the store the service is configured
/// with (the same configuration sources: appsettings, environment, command line), prints the outcome, and exits
/// 0 when the chain is valid, 1 when it is broken, 2 on a usage or configuration error.
/// </summary>
internal static class VerifyAuditCommand
{
    /// <summary>The command name.</summary>
    public const string Name = "verify-audit";

    /// <summary>True when the arguments ask for this command.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1].StartsWith('-') || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync($"usage: {Name} <incidentId> [--IncidentPlatform:Store=embedded --IncidentPlatform:DataDirectory=<dir> | --ConnectionStrings:redis=<host:port>]");
            return 2;
        }

        var incidentId = args[1];
        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Logging.ClearProviders();
        try
        {
            builder.AddIncidentStore();
            builder.Services.AddSingleton<AuditVerifier>();
            using var host = builder.Build();
            await host.StartAsync();
            var result = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(incidentId, CancellationToken.None);
            await host.StopAsync();
            await output.WriteLineAsync(result.Valid
                ? $"valid: the audit trail of {incidentId} has {result.Entries} entries and every link holds"
                : $"invalid: the audit trail of {incidentId} has {result.Entries} entries; first broken link at entry {result.FirstBrokenSequence}: {result.Error}");
            return result.Valid ? 0 : 1;
        }
        catch (Exception e) when (e is ConfigurationException or IOException or OptionsValidationException)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return 2;
        }
    }
}
