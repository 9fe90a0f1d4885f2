namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// How the AWS executors reach AWS (section <c>Remediation:Aws</c>). Credentials come from the standard AWS chain
/// (environment, profile, container or instance role) unless an access key is configured here.
/// </summary>
internal sealed class AwsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Remediation:Aws";

    /// <summary>The region; unset: the <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>) environment variable.</summary>
    public string? Region { get; set; }

    /// <summary>An access key id (with <see cref="SecretAccessKey"/>) instead of the credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>A session token for temporary credentials.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Endpoint overrides by signing name (<c>lambda</c>, <c>ssm</c>, <c>ecs</c>, <c>autoscaling</c>, <c>ec2</c>),
    /// e.g. a VPC endpoint or a local fake; unset: <c>https://{service}.{region}.amazonaws.com</c>.</summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retries of a throttled call (the request was refused, so sending it again is safe).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones double.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Where calls for <paramref name="service"/> go: the configured override, else the regional public endpoint.</summary>
    public Uri Endpoint(string service, string region) =>
        Endpoints.TryGetValue(service, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? new Uri(configured.Trim())
            : new Uri($"https://{service}.{region}.amazonaws.com/");

    /// <summary>The region in force: <see cref="Region"/>, else the environment.</summary>
    public string? EffectiveRegion => string.IsNullOrWhiteSpace(Region)
        ? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
        : Region.Trim();

    /// <summary>The region in force; throws <see cref="AwsCallException"/> saying what to set when there is none.</summary>
    public string RequireRegion() => EffectiveRegion ??
        throw new AwsCallException("ResolveRegion", 0, "NoRegion", $"no AWS region: set {Section}:Region or the AWS_REGION environment variable", 1);
}
