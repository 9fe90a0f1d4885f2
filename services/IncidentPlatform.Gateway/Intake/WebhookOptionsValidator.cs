using System.Text.RegularExpressions;
using IncidentPlatform.Gateway.Intake.PagerDuty;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>Stops the gateway at start when a webhook setting is unusable, naming the key.</summary>
internal sealed class WebhookOptionsValidator(IConfiguration configuration) : IValidateOptions<WebhookOptions>
{
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        Source(errors, "Sns", options.Sns);
        Source(errors, "CloudWatchLogs", options.CloudWatchLogs);
        Source(errors, "Alertmanager", options.Alertmanager);
        Source(errors, "Grafana", options.Grafana);
        Source(errors, "PagerDuty", options.PagerDuty);
        try
        {
            _ = new Regex(options.Sns.CertificateHostPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            errors.Add($"'{WebhookOptions.Section}:Sns:CertificateHostPattern' is not a regular expression: {e.Message}");
        }

        if (!options.Sns.Enabled && configuration.GetSection($"{WebhookOptions.Section}:Sns").GetChildren().Any())
        {
            errors.Add($"'{WebhookOptions.Section}:Sns' is configured without 'AllowedTopicArns' or 'Token': SNS signs messages " +
                       "for anyone's topic, so name the topics that may deliver here (or set a token for the subscription URL).");
        }

        if (options.Sns.TrustedCertificateAuthority is { Length: > 0 } ca && !File.Exists(ca))
        {
            errors.Add($"'{WebhookOptions.Section}:Sns:TrustedCertificateAuthority' names '{ca}', which does not exist.");
        }

        if (options.Sns.MaxMessageAge <= TimeSpan.Zero)
        {
            errors.Add($"'{WebhookOptions.Section}:Sns:MaxMessageAge' must be positive.");
        }

        if (!SeverityNames.TryParse(options.Sns.AlarmSeverity, out _))
        {
            errors.Add($"'{WebhookOptions.Section}:Sns:AlarmSeverity' must be one of: {SeverityNames.Accepted}.");
        }

        if (options.CloudWatchLogs.MaxBodyBytes <= 0 || options.CloudWatchLogs.MaxDecompressedBytes <= 0)
        {
            errors.Add($"'{WebhookOptions.Section}:CloudWatchLogs:MaxBodyBytes' and 'MaxDecompressedBytes' must be positive.");
        }

        if (options.PagerDuty.ReplayWindow <= TimeSpan.Zero || options.PagerDuty.ReplayWindow > PagerDutyOptions.MaxReplayWindow)
        {
            errors.Add($"'{WebhookOptions.Section}:PagerDuty:ReplayWindow' must be positive and at most {PagerDutyOptions.MaxReplayWindow} " +
                       "(as long as event ids are remembered).");
        }

        if (options.PagerDuty.SigningSecrets?.Any(s => s.Length < MinTokenLength) == true)
        {
            errors.Add($"'{WebhookOptions.Section}:PagerDuty:SigningSecrets' holds a secret shorter than {MinTokenLength} characters.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Source(List<string> errors, string source, WebhookSourceOptions options)
    {
        if (options.Token is { } token && token.Length < MinTokenLength)
        {
            errors.Add($"'{WebhookOptions.Section}:{source}:Token' is too short: use at least {MinTokenLength} random characters.");
        }

        if (!SeverityNames.TryParse(options.DefaultSeverity, out _))
        {
            errors.Add($"'{WebhookOptions.Section}:{source}:DefaultSeverity' must be one of: {SeverityNames.Accepted}.");
        }
    }
}
