using System.CommandLine;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// <c>verify-audit &lt;incidentId&gt;</c> (System.CommandLine): checks an incident's audit chain in the store the service
/// is configured with (the same configuration sources: appsettings, environment, and the remaining arguments as command
/// line configuration), prints the outcome, and exits 0 when the chain is valid, 1 when it is broken, 2 on a usage or
/// configuration error.
/// </summary>
internal static class VerifyAuditCommand
{
    /// <summary>The command name.</summary>
    public const string Name = "verify-audit";

    private const string Usage =
        $"usage: {Name} <incidentId> [--IncidentPlatform:Store=embedded --IncidentPlatform:DataDirectory=<dir> | --ConnectionStrings:redis=<host:port>]";

    /// <summary>True when the arguments ask for this command.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var incident = new Argument<string>("incidentId") { Description = "the incident whose audit trail to check" };
        incident.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && (value.StartsWith('-') || string.IsNullOrWhiteSpace(value)))
            {
                result.AddError($"'{value}' is not an incident id");
            }
        });
        var command = new Command(Name, "Checks an incident's hash-chained audit trail in the configured store.") { incident };
        command.TreatUnmatchedTokensAsErrors = false; // the rest is configuration: --IncidentPlatform:Store=embedded …
        command.SetAction((parsed, _) => VerifyAsync(parsed.GetValue(incident)!, [.. parsed.UnmatchedTokens], output, error));

        var parsed = new RootCommand { command }.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"{Name}: {problem.Message}");
            }

            await error.WriteLineAsync(Usage);
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static async Task<int> VerifyAsync(string incidentId, string[] configuration, TextWriter output, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(configuration);
        builder.Logging.ClearProviders();
        try
        {
            builder.AddIncidentStore();
            var key = builder.Configuration[$"{RemediationOptions.Section}:{nameof(RemediationOptions.AuditKey)}"];
            builder.Services.AddSingleton(new AuditHasher(key));
            builder.Services.AddSingleton<AuditVerifier>();
            using var host = builder.Build();
            await host.StartAsync();
            var result = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(incidentId, CancellationToken.None);
            await host.StopAsync();
            await output.WriteLineAsync(result.Valid
                ? $"valid ({result.Mode}): the audit trail of {incidentId} has {result.Entries} entries and every link holds"
                : $"invalid ({result.Mode}): the audit trail of {incidentId} has {result.Entries} entries; first broken link at entry {result.FirstBrokenSequence}: {result.Error}");
            return result.Valid ? 0 : 1;
        }
        catch (Exception e) when (e is ConfigurationException or IOException or OptionsValidationException or ArgumentException)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return 2;
        }
    }
}
