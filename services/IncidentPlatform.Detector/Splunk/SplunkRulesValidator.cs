using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>Checks the detection rules and, when there are any, the Splunk connection; each failure names its key.</summary>
internal sealed partial class SplunkRulesValidator(IOptions<SplunkOptions> splunk) : IValidateOptions<DetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectorOptions options)
    {
        var failures = new List<string>();
        foreach (var (rule, o) in options.Rules)
        {
            var key = $"{DetectorOptions.Section}:Rules:{rule}";
            failures.Require(RuleName().IsMatch(rule), $"{key}: a rule name may hold letters, digits, '.', '_' and '-' (at most 64).");
            failures.Require(!string.IsNullOrWhiteSpace(o.Query), $"{key}:Query must be a Splunk search, e.g. 'index=app level=ERROR | stats count by service'.");
            failures.Require(o.Interval >= TimeSpan.FromSeconds(10) && o.Interval <= TimeSpan.FromDays(1), $"{key}:Interval must be from 00:00:10 to 1.00:00:00.");
            failures.Require(o.EffectiveWindow >= o.Interval && o.EffectiveWindow <= TimeSpan.FromDays(7),
                $"{key}:Window must be at least the Interval (else events between windows are never searched) and at most 7 days.");
            failures.Require(o.Lag >= TimeSpan.Zero && o.Lag <= TimeSpan.FromHours(1), $"{key}:Lag must be from 0 to 01:00:00.");
            failures.Require(o.Threshold >= 1, $"{key}:Threshold must be at least 1.");
            failures.Require(!string.IsNullOrWhiteSpace(o.ServiceField), $"{key}:ServiceField must name the result field holding the service.");
            failures.Require(!string.IsNullOrWhiteSpace(o.CountField), $"{key}:CountField must name a result field.");
        }

        if (options.Rules.Count > 0)
        {
            ValidateConnection(splunk.Value, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateConnection(SplunkOptions o, List<string> failures)
    {
        const string key = SplunkOptions.Section;
        var url = Uri.TryCreate(o.Url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http";
        failures.Require(url, $"{key}:Url must be Splunk's management URL, e.g. https://splunk.example.com:8089 (detection rules are configured).");
        failures.Require(!string.IsNullOrWhiteSpace(o.Token), $"{key}:Token must hold a Splunk authentication token (detection rules are configured).");
        failures.Require(o.AuthScheme is "Bearer" or "Splunk", $"{key}:AuthScheme must be 'Bearer' (authentication tokens) or 'Splunk' (session keys).");
        failures.Require(o.CaCertificateFile is null || File.Exists(o.CaCertificateFile), $"{key}:CaCertificateFile '{o.CaCertificateFile}' does not exist.");
        failures.Require(o.Timeout >= TimeSpan.FromSeconds(1), $"{key}:Timeout must be at least 00:00:01.");
        failures.Require(o.MaxCatchUp >= TimeSpan.Zero, $"{key}:MaxCatchUp must not be negative.");
        failures.Require(o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, $"{key}:RetryDelay must be positive and at most MaxRetryDelay.");
        failures.Require(o.LeaseTtl >= TimeSpan.FromSeconds(3), $"{key}:LeaseTtl must be at least 00:00:03.");
        failures.Require(o.MaxSamples is >= 0 and <= 50, $"{key}:MaxSamples must be from 0 to 50.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex RuleName();
}
