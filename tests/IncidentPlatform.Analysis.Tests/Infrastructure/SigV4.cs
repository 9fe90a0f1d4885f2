using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime.Internal.Auth;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>
/// Checks a request's AWS Signature Version 4 the way AWS does: rebuilds the canonical request from what arrived
/// (method, path with each segment URI-encoded, query, the signed headers' values, the payload hash) and has
/// AWSSDK.Core compute the signature with the secret key.
/// </summary>
internal static partial class SigV4
{
    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization Parse(string header)
    {
        var match = AuthorizationHeader().Match(header);
        match.Success.ShouldBeTrue($"not a SigV4 Authorization header: {header}");
        return new Authorization(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value,
            match.Groups["service"].Value, match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>The signature AWS would expect for <paramref name="request"/> signed with <paramref name="secretKey"/>.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var auth = Parse(request.Header("Authorization")!);
        var amzDate = request.Header("X-Amz-Date")!;
        var canonicalHeaders = string.Concat(auth.SignedHeaders.Select(h => $"{h}:{Collapse(request.Header(h) ?? "")}\n"));
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(request.Body));
        var canonicalRequest = string.Join('\n',
            request.Method,
            string.Join('/', request.Path.Split('/').Select(Uri.EscapeDataString)),
            CanonicalQuery(request.Query),
            canonicalHeaders,
            string.Join(';', auth.SignedHeaders),
            payloadHash);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return AWS4Signer.ComputeSignature(auth.AccessKey, secretKey, auth.Region, signedAt, auth.Service,
            string.Join(';', auth.SignedHeaders), canonicalRequest).Signature;
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string Collapse(string value) => Spaces().Replace(value.Trim(), " ");

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
