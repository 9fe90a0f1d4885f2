namespace IncidentPlatform.Testing;

/// <summary>The PEM files a TLS <see cref="RedisServer"/> serves with.</summary>
/// <param name="CertificateFile">The server certificate (<c>--tls-cert-file</c>).</param>
/// <param name="KeyFile">Its private key (<c>--tls-key-file</c>).</param>
/// <param name="CaCertificateFile">The CA that issued it (<c>--tls-ca-cert-file</c>).</param>
public sealed record RedisTlsFiles(string CertificateFile, string KeyFile, string CaCertificateFile);
