using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

/// <summary>A TLS-only redis-server (<c>--port 0 --tls-port P</c>) with a certificate from a fresh test CA, and a second, unrelated CA.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-tls-").FullName;
    private RedisServer? _server;

    internal TestCertificates Certificates { get; private set; } = null!;

    internal TestCertificates OtherAuthority { get; private set; } = null!;

    public RedisServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        Certificates = await TestCertificates.CreateAsync(Path.Combine(_directory, "trusted"));
        OtherAuthority = await TestCertificates.CreateAsync(Path.Combine(_directory, "other"));
        _server = await RedisServer.StartNewAsync(new RedisServerOptions { Tls = Certificates.ServerFiles });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
