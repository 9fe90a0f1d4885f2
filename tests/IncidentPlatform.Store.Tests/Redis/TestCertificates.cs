using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>A throwaway CA and a server certificate it signed (for localhost and 127.0.0.1), made with openssl.</summary>
internal sealed class TestCertificates
{
    private TestCertificates(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string CaCertificateFile => Path.Combine(Directory, "ca.crt");

    public string ServerCertificateFile => Path.Combine(Directory, "server.crt");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public RedisTlsFiles ServerFiles => new(ServerCertificateFile, ServerKeyFile, CaCertificateFile);

    public X509Certificate2 LoadCa() => X509CertificateLoader.LoadCertificateFromFile(CaCertificateFile);

    public static async Task<TestCertificates> CreateAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var certificates = new TestCertificates(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"),
            "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
        string[] curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        await OpenSslAsync(directory, ["req", "-x509", .. curve, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=IncidentPlatform Test CA"]);
        await OpenSslAsync(directory, ["req", .. curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]);
        await OpenSslAsync(directory, ["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.crt", "-days", "2", "-extfile", "server.ext"]);
        return certificates;
    }

    private static async Task OpenSslAsync(string directory, string[] arguments)
    {
        var start = new ProcessStartInfo(RequiredBinary.Find("openssl", "openssl"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
