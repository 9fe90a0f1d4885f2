namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>A successful AWS answer.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body text.</param>
/// <param name="Headers">The response headers (names case-insensitive).</param>
internal sealed record AwsResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
