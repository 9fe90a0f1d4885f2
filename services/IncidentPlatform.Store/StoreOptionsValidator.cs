using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store;

/// <summary>Checks <see cref="StoreOptions"/> at start, naming each bad key.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = new List<string>();
        var prefix = StoreOptions.Section + ":";
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{prefix}{nameof(options.DataDirectory)} must name a directory.");
        }

        if (options.MaxAlertsPerIncident is < 1 or > 100_000)
        {
            failures.Add($"{prefix}{nameof(options.MaxAlertsPerIncident)} must be from 1 to 100000.");
        }

        if (options.CompactionThresholdBytes < 4096)
        {
            failures.Add($"{prefix}{nameof(options.CompactionThresholdBytes)} must be at least 4096.");
        }

        if (options.ResolvedRetention < TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(options.ResolvedRetention)} must not be negative (zero keeps resolved incidents).");
        }

        if (options.RetentionInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{prefix}{nameof(options.RetentionInterval)} must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
