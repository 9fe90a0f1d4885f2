using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>
/// Checks a recorded request's Signature Version 4 the way AWS does: rebuilds the canonical request from what arrived
/// on the wire (method, path, query, the signed headers, the body's hash) and recomputes the signature with
/// AWSSDK.Core's key derivation. A request whose URL, headers or body differ from what was signed fails.
/// </summary>
internal static partial class SigV4
{
    public static void ShouldBeSignedFor(this RecordedRequest request, string service, string region = AwsKeys.Region)
    {
        var authorization = request.Header("Authorization").ShouldNotBeNull();
        var match = AuthorizationHeader().Match(authorization);
        match.Success.ShouldBeTrue($"Authorization is not SigV4: {authorization}");
        var (accessKey, date, scopeRegion, scopeService) =
            (match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        accessKey.ShouldBe(AwsKeys.AccessKeyId);
        scopeRegion.ShouldBe(region);
        scopeService.ShouldBe(service);

        var amzDate = request.Header("X-Amz-Date").ShouldNotBeNull();
        amzDate.ShouldMatch(@"^\d{8}T\d{6}Z$");
        amzDate[..8].ShouldBe(date);

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(request.Body));
        request.Header("X-Amz-Content-Sha256").ShouldBe(bodyHash);

        var signedHeaders = match.Groups["headers"].Value;
        var names = signedHeaders.Split(';');
        names.ShouldContain("host");
        names.ShouldContain("x-amz-date");
        names.ShouldContain("x-amz-content-sha256");
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToArray(), "SignedHeaders are sorted");

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalPath(request.Path)).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in names)
        {
            var value = request.Header(name).ShouldNotBeNull($"signed header {name} was not sent");
            canonical.Append(name).Append(':').Append(Spaces().Replace(value.Trim(), " ")).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(bodyHash);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expected = AWS4Signer.ComputeSignature(
            new ImmutableCredentials(AwsKeys.AccessKeyId, AwsKeys.SecretAccessKey, null), region, signedAt, service, signedHeaders,
            canonical.ToString()).Signature;
        match.Groups["signature"].Value.ShouldBe(expected, $"the signature does not verify; canonical request:\n{canonical}");
    }

    // Outside S3, each path segment is URI-encoded twice: once on the wire (Kestrel decoded it), once for signing.
    private static string CanonicalPath(string decodedPath) =>
        string.Join('/', decodedPath.Split('/').Select(s => Uri.EscapeDataString(Uri.EscapeDataString(s))));

    private static string CanonicalQuery(string query) => string.Join('&', query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : ""))
        .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Key}={p.Value}"));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
