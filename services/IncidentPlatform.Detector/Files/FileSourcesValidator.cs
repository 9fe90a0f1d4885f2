using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Files;

/// <summary>Checks the file sources and the demo source; each failure names its key.</summary>
internal sealed class FileSourcesValidator : IValidateOptions<DetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectorOptions options)
    {
        var failures = new List<string>();
        foreach (var (source, o) in options.Files)
        {
            var key = $"{DetectorOptions.Section}:Files:{source}";
            failures.Require(!string.IsNullOrWhiteSpace(o.Path), $"{key}:Path must be a file glob, e.g. /var/log/app/*.log.");
            failures.Require(!string.IsNullOrWhiteSpace(o.Service) || !string.IsNullOrWhiteSpace(o.ServicePattern),
                $"{key}: set Service (the service of its lines) or ServicePattern (a regex with a group 'service').");
            failures.Require(OptionFailures.RegexError(o.ServicePattern) is null,
                $"{key}:ServicePattern is not a valid regular expression: {OptionFailures.RegexError(o.ServicePattern)}");
            failures.Require(string.IsNullOrWhiteSpace(o.ServicePattern) || o.ServicePattern.Contains("(?<service>", StringComparison.Ordinal),
                $"{key}:ServicePattern must have a named group 'service', e.g. \\[(?<service>[a-z-]+)\\].");
            failures.Require(OptionFailures.RegexError(o.RecordStart) is null,
                $"{key}:RecordStart is not a valid regular expression: {OptionFailures.RegexError(o.RecordStart)}");
            failures.Require(o.PollInterval >= TimeSpan.FromMilliseconds(50) && o.PollInterval <= TimeSpan.FromMinutes(1),
                $"{key}:PollInterval must be from 00:00:00.05 to 00:01:00.");
            failures.Require(o.FlushAfter > TimeSpan.Zero, $"{key}:FlushAfter must be positive.");
            failures.Require(o.RotationGrace >= TimeSpan.Zero, $"{key}:RotationGrace must not be negative.");
            failures.Require(o.WarmUp is null || o.WarmUp >= TimeSpan.Zero, $"{key}:WarmUp must not be negative.");
            failures.Require(o.MaxRecordLength is >= 256 and <= 1024 * 1024, $"{key}:MaxRecordLength must be from 256 to 1048576.");
            failures.Require(o.Labels.Count <= 20 && o.Labels.All(l => l.Key.Length is > 0 and <= 100 && l.Value.Length <= 1000),
                $"{key}:Labels: at most 20, names 1–100 characters, values at most 1000.");
        }

        var demo = options.Demo;
        if (demo.Enabled)
        {
            const string key = $"{DetectorOptions.Section}:Demo";
            failures.Require(!options.Files.ContainsKey(Demo.DemoSource.Name), $"{DetectorOptions.Section}:Files:demo: the name 'demo' belongs to the demo source.");
            failures.Require(demo.FaultDuration > TimeSpan.Zero && demo.FaultInterval > demo.FaultDuration,
                $"{key}: FaultDuration must be positive and shorter than FaultInterval.");
            failures.Require(demo.FirstFaultAfter >= TimeSpan.Zero && demo.SecondFaultAfter >= demo.FirstFaultAfter,
                $"{key}: FirstFaultAfter must not be negative, and SecondFaultAfter not before it.");
            failures.Require(demo.FaultRecordsPerSecond is > 0 and <= 1000, $"{key}:FaultRecordsPerSecond must be above 0 and at most 1000.");
            failures.Require(demo.RecordsPerSecond is >= 0 and <= 10_000, $"{key}:RecordsPerSecond must be from 0 to 10000.");
            failures.Require(demo.ErrorThreshold >= 1, $"{key}:ErrorThreshold must be at least 1.");
            failures.Require(demo.MaxFileBytes >= 64 * 1024, $"{key}:MaxFileBytes must be at least 65536.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
