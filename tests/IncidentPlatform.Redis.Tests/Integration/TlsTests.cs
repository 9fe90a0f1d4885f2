using System.Security.Authentication;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class TlsTests(TlsServerFixture tls) : IClassFixture<TlsServerFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_TrustedCa_ConnectsOverTls()
    {
        var options = RedisOptions.Parse(tls.Server.ConnectionString);
        options.TrustedCertificates = [tls.Certificates.LoadCa()];

        await using var connection = await RedisConnection.ConnectAsync(options);
        await connection.SetAsync("tls:key", "over tls");

        options.Ssl.ShouldBeTrue();
        (await connection.GetAsync("tls:key")).ToString().ShouldBe("over tls");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_CertificateNotTrustedByDefault_IsRejected()
    {
        var error = await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(tls.Server.ConnectionString));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
        error.Message.ShouldContain("TLS");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_TrustingAnotherCa_IsRejected()
    {
        var options = RedisOptions.Parse(tls.Server.ConnectionString);
        options.TrustedCertificates = [tls.OtherAuthority.LoadCa()];

        var error = await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(options));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_NameNotOnCertificate_IsRejected()
    {
        var options = RedisOptions.Parse(tls.Server.ConnectionString + ",sslHost=redis.elsewhere.example");
        options.TrustedCertificates = [tls.Certificates.LoadCa()];

        await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(options));
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_SslInsecureInUri_AcceptsUntrustedCertificate()
    {
        await using var connection = await RedisConnection.ConnectAsync($"rediss://127.0.0.1:{tls.Server.Port}?sslInsecure=true");

        await connection.PingAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_CustomValidationCallback_DecidesAlone()
    {
        string? seenSubject = null;
        var accepting = RedisOptions.Parse(tls.Server.ConnectionString);
        accepting.CertificateValidation = (_, certificate, _, _) =>
        {
            seenSubject = certificate?.Subject;
            return true;
        };
        var refusing = RedisOptions.Parse(tls.Server.ConnectionString);
        refusing.TrustedCertificates = [tls.Certificates.LoadCa()];
        refusing.CertificateValidation = (_, _, _, _) => false;

        await using var connection = await RedisConnection.ConnectAsync(accepting);
        await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(refusing));

        seenSubject.ShouldBe("CN=localhost");
        await connection.PingAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_PlainTcpToTlsPort_FailsWithConnectionException()
    {
        var error = await Should.ThrowAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"127.0.0.1:{tls.Server.Port},connectTimeout=1000"));

        error.Message.ShouldContain($"127.0.0.1:{tls.Server.Port}");
    }
}
