using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Certificate verification for Splunk: the system's trust by default; plus a private CA when
/// <see cref="SplunkOptions.CaCertificateFile"/> is set (the chain must end in it and the name must match); none at all
/// only with <see cref="SplunkOptions.InsecureSkipVerify"/>.
/// </summary>
internal static class SplunkTls
{
    public static SocketsHttpHandler CreateHandler(SplunkOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (options.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (!string.IsNullOrWhiteSpace(options.CaCertificateFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(options.CaCertificateFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                Validate(certificate as X509Certificate2, errors, authorities);
        }

        return handler;
    }

    private static bool Validate(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) ||
            errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
