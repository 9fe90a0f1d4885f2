namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>The fake AWS credentials the tests sign with (AWS's documented example key pair).</summary>
internal static class AwsKeys
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "eu-west-1";
}
