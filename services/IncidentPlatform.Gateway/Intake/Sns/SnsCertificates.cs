using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// The SNS signing certificates, downloaded only over HTTPS from hosts matching the configured pattern (no redirects,
/// at most 64 KiB), and cached for an hour. A failed download is remembered for 30 seconds, and concurrent requests for
/// one URL share one download, so a flood of messages naming a failing certificate URL costs one fetch per 30 seconds
/// (SNS itself retries a failed delivery after 20 seconds by default). The same host check guards subscription
/// confirmation URLs.
/// </summary>
internal sealed class SnsCertificates(IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string HttpClientName = "sns";
    public static readonly TimeSpan FailureCacheTime = TimeSpan.FromSeconds(30);
    private const int MaxCertificateBytes = 64 * 1024;
    private const int MaxEntries = 100;
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, Task<Download>> _downloads = [];
    private readonly Lock _gate = new();
    private Regex? _hosts;

    // A finished download: the certificate or why not, and until when it stands.
    private sealed record Download(DateTimeOffset Until, X509Certificate2? Certificate, string? Error);

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

        Task<Download> download;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_downloads.TryGetValue(uri.AbsoluteUri, out download!) || Stale(download, now))
            {
                // Full: drop what is stale, then remembered failures; certificates and downloads under way stay.
                Evict(d => Stale(d, now));
                Evict(d => d.IsCompletedSuccessfully && d.Result.Certificate is null);

                if (_downloads.Count < MaxEntries)
                {
                    download = DownloadAsync(uri);
                    _downloads[uri.AbsoluteUri] = download;
                }
                else
                {
                    return (null, "Too many signing certificate URLs are being fetched; retry later.");
                }
            }
        }

        var done = await download.WaitAsync(ct);
        return (done.Certificate, done.Error);
    }

    private void Evict(Func<Task<Download>, bool> which)
    {
        if (_downloads.Count >= MaxEntries)
        {
            foreach (var url in _downloads.Where(d => which(d.Value)).Select(d => d.Key).ToList())
            {
                _downloads.Remove(url);
            }
        }
    }

    private static bool Stale(Task<Download> download, DateTimeOffset now) =>
        download.IsCompleted && (!download.IsCompletedSuccessfully || download.Result.Until <= now);

    private async Task<Download> DownloadAsync(Uri uri)
    {
        var (certificate, error) = await FetchAsync(uri);
        return new Download(time.GetUtcNow() + (certificate is null ? FailureCacheTime : CacheFor), certificate, error);
    }

    private async Task<(X509Certificate2? Certificate, string? Error)> FetchAsync(Uri uri)
    {
        using var timeout = new CancellationTokenSource(DownloadTimeout);
        var ct = timeout.Token;
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
            return pem is null
                ? (null, "The signing certificate is not a PEM certificate.")
                : (X509CertificateLoader.LoadCertificate(pem), null);
        }
        catch (Exception e) when (e is HttpRequestException or CryptographicException or FormatException or OperationCanceledException)
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
