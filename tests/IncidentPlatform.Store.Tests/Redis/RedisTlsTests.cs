using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>
/// The store over TLS (<c>ssl=true</c> or <c>rediss://</c>) to a TLS-only redis-server whose certificate a test CA
/// signed: trusted through the options Aspire's integration builds (<c>Configure&lt;ConfigurationOptions&gt;</c>), refused
/// otherwise.
/// </summary>
public sealed class RedisTlsTests(RedisTlsTests.Fixture tls) : IClassFixture<RedisTlsTests.Fixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("127.0.0.1:{0},ssl=true,sslHost=localhost")]
    [InlineData("rediss://localhost:{0}")]
    public async Task Store_TlsWithTheCaTrusted_Serves(string form)
    {
        using var host = RedisHosts.Build(
            _directory.Path, string.Format(null, form, tls.Server.Port),
            services => services.Configure<ConfigurationOptions>(o => o.TrustIssuer(tls.Certificates.CaCertificateFile)));
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var incident = TestData.Incident();

        (await store.FindOrOpenAsync(incident.Fingerprint, incident)).Opened.ShouldBeTrue();

        (await store.GetAsync(incident.Id)).ShouldNotBeNull().Id.ShouldBe(incident.Id);
        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Healthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task Store_TlsWithAnotherCaTrusted_NeverConnects()
    {
        using var host = RedisHosts.Build(
            _directory.Path, $"rediss://localhost:{tls.Server.Port}?connectTimeout=1000",
            services => services.Configure<ConfigurationOptions>(o => o.TrustIssuer(tls.OtherAuthority.CaCertificateFile)));

        await host.StartAsync();

        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Unhealthy);
        await Should.ThrowAsync<RedisConnectionException>(
            () => host.Services.GetRequiredService<IIncidentStore>().GetAsync(TestData.NewId("inc")));
        await host.StopAsync();
    }

    /// <summary>A TLS-only redis-server (<c>--port 0 --tls-port P</c>) with a certificate from a fresh test CA, and a second, unrelated CA.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("redis-tls-").FullName;
        private RedisServer? _server;

        internal TestCertificates Certificates { get; private set; } = null!;

        internal TestCertificates OtherAuthority { get; private set; } = null!;

        public RedisServer Server => _server ?? throw new InvalidOperationException("Not started.");

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
}
