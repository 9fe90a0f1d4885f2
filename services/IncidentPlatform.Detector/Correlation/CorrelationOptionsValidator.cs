using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>Stops the detector at start when a correlation setting cannot work, naming the key.</summary>
internal sealed class CorrelationOptionsValidator : IValidateOptions<CorrelationOptions>
{
    public ValidateOptionsResult Validate(string? name, CorrelationOptions options)
    {
        var errors = new List<string>();
        void NotNegative(TimeSpan value, string key)
        {
            if (value < TimeSpan.Zero)
            {
                errors.Add($"'{CorrelationOptions.Section}:{key}' must not be negative (it is {value}).");
            }
        }

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"'{CorrelationOptions.Section}:{key}' must be positive (it is {value}).");
            }
        }

        NotNegative(options.DedupWindow, nameof(options.DedupWindow));
        NotNegative(options.ReopenWindow, nameof(options.ReopenWindow));
        NotNegative(options.GroupingWindow, nameof(options.GroupingWindow));
        Positive(options.TimelineSummaryInterval, nameof(options.TimelineSummaryInterval));
        Positive(options.UpdateInterval, nameof(options.UpdateInterval));
        Positive(options.QuietCheckInterval, nameof(options.QuietCheckInterval));
        Positive(options.SilenceRefreshInterval, nameof(options.SilenceRefreshInterval));
        Positive(options.SilenceRetention, nameof(options.SilenceRetention));
        if (options.TimelineAlerts < 0)
        {
            errors.Add($"'{CorrelationOptions.Section}:{nameof(options.TimelineAlerts)}' must not be negative.");
        }

        foreach (var (source, settings) in options.Sources)
        {
            if (settings.QuietPeriod is { } quiet)
            {
                NotNegative(quiet, $"Sources:{source}:{nameof(settings.QuietPeriod)}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
