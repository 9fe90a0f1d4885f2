using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Gateway.Intake.Sns;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Gateway.Tests.Intake;

/// <summary>
/// Stands in for AWS in SNS tests: a throwaway CA whose HTTPS server (a <see cref="FakeHttpServer"/> on 127.0.0.1) serves
/// an SNS-like signing certificate, and that certificate's key to sign messages exactly as SNS does.
/// </summary>
internal sealed class SnsTestPki : IAsyncDisposable
{
    private readonly RSA _signingKey;
    private readonly string _directory;

    private SnsTestPki(FakeHttpServer server, RSA signingKey, X509Certificate2 signingCertificate, string caFile, string directory)
    {
        Server = server;
        _signingKey = signingKey;
        SigningCertificate = signingCertificate;
        CaFile = caFile;
        _directory = directory;
    }

    public FakeHttpServer Server { get; }

    public X509Certificate2 SigningCertificate { get; }

    /// <summary>The CA's certificate as a PEM file (for <c>Webhooks:Sns:TrustedCertificateAuthority</c>).</summary>
    public string CaFile { get; }

    public string CertificateUrl => new Uri(Server.BaseAddress, "SimpleNotificationService-test.pem").AbsoluteUri;

    public string SubscribeUrl(string token) => new Uri(Server.BaseAddress, $"?Action=ConfirmSubscription&Token={token}").AbsoluteUri;

    /// <summary>The topic the test messages come from by default, and the one <see cref="Configuration"/> allows.</summary>
    public const string Topic = "arn:aws:sns:eu-west-1:123456789012:alarms";

    /// <summary>
    /// The configuration that makes the gateway trust this fake AWS (and only it besides the real hosts' pattern) and
    /// accept messages of <see cref="Topic"/>; <paramref name="more"/> adds to it or overrides it.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration(params (string Key, string? Value)[] more) =>
    [
        new("Webhooks:Sns:CertificateHostPattern", @"^127\.0\.0\.1$"),
        new("Webhooks:Sns:TrustedCertificateAuthority", CaFile),
        new("Webhooks:Sns:AllowedTopicArns:0", Topic),
        .. more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)),
    ];

    /// <summary>Starts a fake AWS; <paramref name="other"/> gives one signing with a different key.</summary>
    public static async Task<SnsTestPki> StartAsync(bool other = false)
    {
        // Generating RSA keys is slow: the key material is made once per run, the server and files per test.
        var keys = other ? Secondary.Value : Primary.Value;
        var directory = Directory.CreateTempSubdirectory("ip-sns-pki-").FullName;
        var caFile = Path.Combine(directory, "ca.pem");
        await File.WriteAllTextAsync(caFile, keys.Ca.ExportCertificatePem());
        var server = await FakeHttpServer.StartAsync(keys.Server);
        server.On(r => r.Path.EndsWith(".pem", StringComparison.Ordinal), 200, keys.SigningCertificate.ExportCertificatePem(), "application/x-pem-file");
        server.On(r => r.Query.Contains("Action=ConfirmSubscription", StringComparison.Ordinal), 200,
            "<ConfirmSubscriptionResponse><ConfirmSubscriptionResult><SubscriptionArn>arn:aws:sns:eu-west-1:123456789012:alarms:1</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>",
            "text/xml");
        return new SnsTestPki(server, keys.SigningKey, keys.SigningCertificate, caFile, directory);
    }

    private static readonly Lazy<KeyMaterial> Primary = new(KeyMaterial.Create);
    private static readonly Lazy<KeyMaterial> Secondary = new(() => Primary.Value.WithNewSigningKey());

    /// <summary>A CA, the HTTPS certificate it issued for 127.0.0.1, and a self-signed SNS-like signing certificate.</summary>
    private sealed record KeyMaterial(X509Certificate2 Ca, X509Certificate2 Server, RSA SigningKey, X509Certificate2 SigningCertificate)
    {
        public static KeyMaterial Create()
        {
            using var caKey = RSA.Create(2048);
            var caRequest = new CertificateRequest("CN=IncidentPlatform Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

            using var serverKey = RSA.Create(2048);
            var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            serverRequest.CertificateExtensions.Add(names.Build());
            serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var issued = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
            using var withKey = issued.CopyWithPrivateKey(serverKey);
            var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

            var signingKey = RSA.Create(2048);
            var signingRequest = new CertificateRequest("CN=sns.amazonaws.com", signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var signing = signingRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
            return new KeyMaterial(X509CertificateLoader.LoadCertificate(ca.RawData), server, signingKey, signing);
        }

        /// <summary>The same CA and server, another signing key (a signer the gateway must not trust).</summary>
        public KeyMaterial WithNewSigningKey()
        {
            var signingKey = RSA.Create(2048);
            var signingRequest = new CertificateRequest("CN=sns.amazonaws.com", signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return this with
            {
                SigningKey = signingKey,
                SigningCertificate = signingRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30)),
            };
        }
    }

    /// <summary>An SNS notification carrying <paramref name="message"/>, signed (version 1 or 2) as SNS signs.</summary>
    public string Notification(string message, string? subject = null, int signatureVersion = 2, string? messageId = null,
        string topicArn = Topic, DateTimeOffset? timestamp = null, string? certificateUrl = null)
    {
        var body = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = messageId ?? Guid.NewGuid().ToString(),
            ["TopicArn"] = topicArn,
            ["Message"] = message,
            ["Timestamp"] = (timestamp ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["SignatureVersion"] = signatureVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SigningCertURL"] = certificateUrl ?? CertificateUrl,
            ["UnsubscribeURL"] = new Uri(Server.BaseAddress, "?Action=Unsubscribe").AbsoluteUri,
        };
        if (subject is not null)
        {
            body["Subject"] = subject;
        }

        return Sign(body);
    }

    /// <summary>A signed subscription (or unsubscribe) confirmation.</summary>
    public string Confirmation(string type = "SubscriptionConfirmation", string topicArn = Topic,
        string? subscribeUrl = null)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return Sign(new JsonObject
        {
            ["Type"] = type,
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["Token"] = token,
            ["TopicArn"] = topicArn,
            ["Message"] = $"You have chosen to subscribe to the topic {topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            ["SubscribeURL"] = subscribeUrl ?? SubscribeUrl(token),
            ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["SignatureVersion"] = "2",
            ["SigningCertURL"] = CertificateUrl,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private string Sign(JsonObject body)
    {
        var message = JsonSerializer.Deserialize(body.ToJsonString(), SnsJsonContext.Default.SnsMessage)!;
        var canonical = SnsSignature.CanonicalString(message)!;
        var hash = body["SignatureVersion"]!.GetValue<string>() == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        body["Signature"] = Convert.ToBase64String(_signingKey.SignData(Encoding.UTF8.GetBytes(canonical), hash, RSASignaturePadding.Pkcs1));
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
