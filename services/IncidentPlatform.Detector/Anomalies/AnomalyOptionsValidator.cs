using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Checks <c>Detector:Anomaly</c>; each failure names its key.</summary>
internal sealed class AnomalyOptionsValidator : IValidateOptions<DetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectorOptions options)
    {
        var o = options.Anomaly;
        const string key = $"{DetectorOptions.Section}:Anomaly";
        var failures = new List<string>();
        failures.Require(o.BucketSize >= TimeSpan.FromSeconds(1) && o.BucketSize <= TimeSpan.FromHours(1), $"{key}:BucketSize must be from 00:00:01 to 01:00:00.");
        failures.Require(o.History is >= 2 and <= 10_000, $"{key}:History must be from 2 to 10000 buckets.");
        failures.Require(o.MinHistory >= 1 && o.MinHistory <= o.History, $"{key}:MinHistory must be from 1 to History.");
        failures.Require(o.MinCount >= 1, $"{key}:MinCount must be at least 1.");
        failures.Require(o.Sensitivity > 0, $"{key}:Sensitivity must be positive.");
        failures.Require(o.Lateness >= TimeSpan.Zero && o.Lateness <= o.BucketSize * 10, $"{key}:Lateness must be from 0 to ten buckets.");
        failures.Require(o.WarmUp >= TimeSpan.Zero, $"{key}:WarmUp must not be negative.");
        failures.Require(o.RepeatAfter >= TimeSpan.Zero, $"{key}:RepeatAfter must not be negative.");
        failures.Require(o.MaxSamples is >= 0 and <= 50, $"{key}:MaxSamples must be from 0 to 50.");
        failures.Require(o.MaxSampleLength is >= 80 and <= 64 * 1024, $"{key}:MaxSampleLength must be from 80 to 65536.");
        failures.Require(o.MaxSeries >= 10, $"{key}:MaxSeries must be at least 10.");
        failures.Require(o.TickInterval >= TimeSpan.FromMilliseconds(100) && o.TickInterval <= o.BucketSize,
            $"{key}:TickInterval must be from 00:00:00.1 to BucketSize.");
        failures.Require(o.TemplateSaveInterval >= TimeSpan.Zero, $"{key}:TemplateSaveInterval must not be negative.");
        foreach (var (threshold, t) in o.Thresholds)
        {
            failures.Require(t.Count >= 1, $"{key}:Thresholds:{threshold}:Count must be at least 1.");
            failures.Require(OptionFailures.RegexError(t.Match) is null,
                $"{key}:Thresholds:{threshold}:Match is not a template id or a valid regular expression: {OptionFailures.RegexError(t.Match)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
