using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Testing;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's <c>python3-aiosmtpd</c> driven by a small handler that writes
/// each accepted message to a directory. Optionally requires STARTTLS (a self-signed certificate for 127.0.0.1 made with
/// openssl in the temporary directory; <see cref="CertificatePath"/> is what a client must trust) and AUTH
/// (PLAIN and LOGIN, only over TLS, as aiosmtpd enforces by default).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Script = """
        import asyncio, json, os, ssl, sys, threading, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        config = json.loads(sys.argv[1])
        outdir = config["dir"]
        counter = [0]

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                counter[0] += 1
                auth = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
                meta = {"from": envelope.mail_from, "to": envelope.rcpt_tos, "tls": session.ssl is not None, "auth": auth}
                base = os.path.join(outdir, "%d-%06d" % (time.time_ns(), counter[0]))
                with open(base + ".eml", "wb") as f:
                    f.write(envelope.original_content)
                with open(base + ".tmp", "w") as f:
                    json.dump(meta, f)
                os.rename(base + ".tmp", base + ".json")
                return "250 Message accepted for delivery"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == config["user"] \
                and auth_data.password.decode() == config["password"]
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

        kwargs = {}
        if config.get("cert"):
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(config["cert"], config["key"])
            kwargs.update(tls_context=context, require_starttls=True)
        if config.get("user"):
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=True,
                          auth_exclude_mechanism=config.get("exclude", []))
        controller = Controller(Handler(), hostname="127.0.0.1", port=config["port"], **kwargs)
        controller.start()
        print("READY", flush=True)
        try:
            sys.stdin.read()
        finally:
            controller.stop()
        """;

    private readonly Process _process;
    private readonly string _directory;

    private SmtpServer(Process process, string directory, int port, string? certificatePath)
    {
        _process = process;
        _directory = directory;
        Port = port;
        CertificatePath = certificatePath;
    }

    /// <summary>The host to connect to.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The SMTP port.</summary>
    public int Port { get; }

    /// <summary>The server's self-signed certificate (PEM) when STARTTLS is on.</summary>
    public string? CertificatePath { get; }

    /// <summary>
    /// Starts a server. With <paramref name="startTls"/> it offers and requires STARTTLS; with a user it requires AUTH
    /// (over TLS) with that user and password; <paramref name="excludeMechanisms"/> hides AUTH mechanisms
    /// (<c>PLAIN</c>, <c>LOGIN</c>).
    /// </summary>
    public static async Task<SmtpServer> StartAsync(
        bool startTls = true, string? user = null, string? password = null, IReadOnlyList<string>? excludeMechanisms = null)
    {
        RequiredBinary.Find("python3", "python3-aiosmtpd");
        var directory = Directory.CreateTempSubdirectory("ip-smtp-").FullName;
        string? cert = null, key = null;
        if (startTls)
        {
            cert = Path.Combine(directory, "cert.pem");
            key = Path.Combine(directory, "key.pem");
            await RunAsync(RequiredBinary.Find("openssl", "openssl"),
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                 "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]);
        }

        var mail = Directory.CreateDirectory(Path.Combine(directory, "mail")).FullName;
        var port = FreePort.Next();
        var config = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["dir"] = mail, ["port"] = port, ["cert"] = cert, ["key"] = key, ["user"] = user, ["password"] = password,
            ["exclude"] = excludeMechanisms ?? [],
        });
        var script = Path.Combine(directory, "smtp_server.py");
        await File.WriteAllTextAsync(script, Script);
        var info = new ProcessStartInfo("/usr/bin/python3", [script, config])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
        {
            process.Kill(entireProcessTree: true);
            string errors;
            lock (stderr)
            {
                errors = stderr.ToString();
            }

            throw new InvalidOperationException($"aiosmtpd did not start on port {port}: {line}\n{errors}");
        }

        return new SmtpServer(process, mail, port, cert);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived; returns all of them, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = Read();
            if (messages.Count >= count)
            {
                return messages;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{messages.Count} of {count} messages arrived within {timeout}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Read() =>
    [
        .. Directory.GetFiles(_directory, "*.json").Order(StringComparer.Ordinal).Select(meta =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(meta));
            var root = json.RootElement;
            return new ReceivedMail(
                root.GetProperty("from").GetString() ?? "",
                [.. root.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "")],
                root.GetProperty("tls").GetBoolean(),
                root.GetProperty("auth").GetString(),
                File.ReadAllText(Path.ChangeExtension(meta, ".eml")));
        }),
    ];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
