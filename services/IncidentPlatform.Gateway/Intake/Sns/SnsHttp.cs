using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// The HTTP client for SNS certificates and confirmations: no redirects (they could leave the allowed hosts), no retries
/// (SNS redelivers a refused message itself, and a failed certificate download is remembered for a while, so that one
/// message costs one fetch, not four), and, when <see cref="SnsOptions.TrustedCertificateAuthority"/> is set, that
/// authority trusted besides the system's roots.
/// </summary>
internal static class SnsHttp
{
    public static IServiceCollection AddSnsHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(SnsCertificates.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
            if (sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Sns.TrustedCertificateAuthority is { Length: > 0 } path)
            {
                var authority = X509CertificateLoader.LoadCertificateFromFile(path);
                handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors &&
                                                       certificate is X509Certificate2 leaf && ChainsTo(leaf, authority));
            }

            return handler;
        }).WithoutRetries();
        return services;
    }

    private static bool ChainsTo(X509Certificate2 leaf, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
