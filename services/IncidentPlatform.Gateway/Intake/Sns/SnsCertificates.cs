using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// The SNS signing certificates, downloaded only over HTTPS from hosts matching the configured pattern (no redirects,
/// at most 64 KiB), and cached for an hour. The same host check guards subscription confirmation URLs.
/// </summary>
internal sealed class SnsCertificates(IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string HttpClientName = "sns";
    private const int MaxCertificateBytes = 64 * 1024;
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, X509Certificate2 Certificate)> _cache = new();
    private Regex? _hosts;

    /// <summary>Null when <paramref name="url"/> may be fetched, else why not.</summary>
    public string? CheckUrl(string? url, string what, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return $"{what} is not an absolute URL.";
        }

        if (parsed.Scheme != Uri.UriSchemeHttps)
        {
            return $"{what} must be https.";
        }

        if (parsed.UserInfo.Length > 0)
        {
            return $"{what} must not carry credentials.";
        }

        _hosts ??= new Regex(options.Value.Sns.CertificateHostPattern,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!_hosts.IsMatch(parsed.IdnHost))
        {
            return $"{what} is not on an allowed SNS host ({parsed.IdnHost}).";
        }

        uri = parsed;
        return null;
    }

    public async Task<(X509Certificate2? Certificate, string? Error)> GetAsync(string? url, CancellationToken ct)
    {
        if (CheckUrl(url, "SigningCertURL", out var uri) is { } error)
        {
            return (null, error);
        }

        if (!uri!.AbsolutePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "SigningCertURL is not a .pem file.");
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(uri.AbsoluteUri, out var cached) && cached.Until > now)
        {
            return (cached.Certificate, null);
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"Downloading the signing certificate answered {(int)response.StatusCode}.");
            }

            var body = await ReadBoundedAsync(response, ct);
            if (body is null)
            {
                return (null, "The signing certificate is larger than 64 KiB.");
            }

            var pem = PemEncoding.TryFind(body, out var fields) && body[fields.Label].SequenceEqual("CERTIFICATE")
                ? Convert.FromBase64String(body[fields.Base64Data].ToString())
                : null;
            if (pem is null)
            {
                return (null, "The signing certificate is not a PEM certificate.");
            }

            var certificate = X509CertificateLoader.LoadCertificate(pem);
            if (_cache.Count > 100)
            {
                _cache.Clear();
            }

            _cache[uri.AbsoluteUri] = (now + CacheFor, certificate);
            return (certificate, null);
        }
        catch (Exception e) when (e is HttpRequestException or CryptographicException or FormatException or TaskCanceledException
                                      && !ct.IsCancellationRequested)
        {
            return (null, $"The signing certificate could not be downloaded: {e.Message}");
        }
    }

    private static async Task<string?> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > MaxCertificateBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxCertificateBytes + 1];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
            if (total > MaxCertificateBytes)
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(buffer, 0, total);
    }
}
