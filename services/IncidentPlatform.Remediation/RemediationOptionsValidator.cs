using IncidentPlatform.Remediation.Executors.Aws;
using IncidentPlatform.Remediation.Executors.PagerDuty;
using IncidentPlatform.Remediation.Executors.Webhook;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation;

/// <summary>Checks the remediation's settings at start, naming the key and what is expected.</summary>
internal sealed class RemediationOptionsValidator(IHostEnvironment environment) :
    IValidateOptions<RemediationOptions>, IValidateOptions<AwsOptions>, IValidateOptions<WebhookOptions>,
    IValidateOptions<PagerDutyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RemediationOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PolicyPath))
        {
            var path = Path.GetFullPath(options.PolicyPath, environment.ContentRootPath);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                errors.Add($"'Remediation:PolicyPath' is '{options.PolicyPath}', but {path} is neither a file nor a directory.");
            }
        }

        Positive(errors, "Remediation:PolicyCheckInterval", options.PolicyCheckInterval);
        Positive(errors, "Remediation:SweepInterval", options.SweepInterval);
        Positive(errors, "Remediation:ResendApprovedAfter", options.ResendApprovedAfter);
        Positive(errors, "Remediation:ExecutionTimeout", options.ExecutionTimeout);
        if (!string.IsNullOrEmpty(options.AuditKey) && options.AuditKey.Length < Audit.AuditHasher.MinimumKeyLength)
        {
            errors.Add($"'Remediation:AuditKey' must have at least {Audit.AuditHasher.MinimumKeyLength} characters (or be unset for an unkeyed chain).");
        }
        if (options.PolicySettleTime < TimeSpan.Zero)
        {
            errors.Add("'Remediation:PolicySettleTime' must not be negative.");
        }

        return Result(errors);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var errors = new List<string>();
        foreach (var (service, url) in options.Endpoints)
        {
            if (!IsHttpUrl(url))
            {
                errors.Add($"'{AwsOptions.Section}:Endpoints:{service}' must be an absolute http(s) URL such as https://ec2.eu-west-1.amazonaws.com, not '{url}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.AccessKeyId) != string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            errors.Add($"'{AwsOptions.Section}:AccessKeyId' and 'SecretAccessKey' go together: set both, or neither to use the AWS credential chain.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"'{AwsOptions.Section}:MaxRetries' must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"'{AwsOptions.Section}:RetryDelay' must be between 0 and 1 minute.");
        }

        return Result(errors);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Secret is { } secret && secret.Trim().Length < 16
            ? ValidateOptionsResult.Fail($"'{WebhookOptions.Section}:Secret' must be at least 16 characters.")
            : ValidateOptionsResult.Success;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PagerDutyOptions options) =>
        IsHttpUrl(options.BaseUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"'{PagerDutyOptions.Section}:BaseUrl' must be an absolute http(s) URL such as {PagerDutyOptions.DefaultBaseUrl}.");

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"'{key}' must be a positive duration such as 00:00:30.");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
