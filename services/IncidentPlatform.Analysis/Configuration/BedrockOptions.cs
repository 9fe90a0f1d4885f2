namespace IncidentPlatform.Analysis.Configuration;

/// <summary>Claude on Amazon Bedrock (section <c>Analysis:Bedrock</c>).</summary>
internal sealed class BedrockOptions
{
    /// <summary>The AWS region; defaults to <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The model id or inference-profile id, e.g. <c>eu.anthropic.claude-sonnet-4-5-20250929-v1:0</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Overrides <c>https://bedrock-runtime.{region}.amazonaws.com</c> (VPC endpoints, tests).</summary>
    public string? Endpoint { get; set; }

    /// <summary>An access key id; without one the AWS credential chain is used (environment, profile, instance role…).</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key that goes with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token of temporary credentials, with <see cref="AccessKeyId"/>.</summary>
    public string? SessionToken { get; set; }
}
