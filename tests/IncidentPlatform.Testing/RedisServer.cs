using System.Diagnostics;

namespace IncidentPlatform.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, in a fresh temporary directory (AOF on, RDB off). It can be
/// stopped, killed and started again on the same port and directory (restart tests); disposing kills it and deletes
/// the directory.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly RedisServerOptions _options;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    /// <summary>Picks a free port and creates the directory; call <see cref="StartAsync"/> to run the server.</summary>
    public RedisServer(RedisServerOptions? options = null)
    {
        _options = options ?? new RedisServerOptions();
        Port = FreePort.Next();
        Directory = System.IO.Directory.CreateTempSubdirectory("redis-test-").FullName;
    }

    /// <summary>The loopback port the server listens on (TLS only when <see cref="RedisServerOptions.Tls"/> is set).</summary>
    public int Port { get; }

    /// <summary>The server's working directory (<c>--dir</c>): its AOF files.</summary>
    public string Directory { get; }

    /// <summary><c>127.0.0.1:P</c>, plus <c>,password=…</c> and <c>,ssl=true</c> as configured.</summary>
    public string ConnectionString =>
        $"127.0.0.1:{Port}" + (_options.Password is null ? "" : $",password={_options.Password}") + (_options.Tls is null ? "" : ",ssl=true");

    /// <summary>The default user's password; null when it needs none.</summary>
    private string? Password => _options.Password;

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartNewAsync(RedisServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new RedisServer(options);
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again, after a stop: same port, same directory) and waits until it answers PING.</summary>
    /// <exception cref="InvalidOperationException">It is already running, exited at once, or did not answer in time.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        var start = new ProcessStartInfo(RequiredBinary.Find("redis-server", "redis-server"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _process?.Dispose();
        _process = _output.Attach(Process.Start(start)!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (!await RedisProbe.AnswersPingAsync(Port, _options.Tls is not null, Password))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {Port} exited with code {_process.ExitCode}:\n{_output}");
            }

            if (timeout.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within {StartTimeout}:\n{_output}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Shuts the server down cleanly (<c>SHUTDOWN</c>: AOF flushed), killing it if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        await RedisProbe.ShutdownAsync(Port, _options.Tls is not null, Password);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process!.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Kills the server at once (SIGKILL): a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Kills the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is cleaned up with the temp folder; nothing to fail a test over.
        }
    }

    /// <summary>The server's recent output, for failure messages.</summary>
    public override string ToString() => $"redis-server on 127.0.0.1:{Port} ({Directory})\n{_output}";

    private List<string> Arguments()
    {
        List<string> arguments = ["--dir", Directory, "--save", "", "--appendonly", "yes", "--bind", "127.0.0.1"];
        if (_options.Tls is { } tls)
        {
            arguments.AddRange(["--port", "0", "--tls-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            arguments.AddRange(["--tls-cert-file", tls.CertificateFile, "--tls-key-file", tls.KeyFile]);
            arguments.AddRange(["--tls-ca-cert-file", tls.CaCertificateFile, "--tls-auth-clients", "no"]);
        }
        else
        {
            arguments.AddRange(["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (_options.Password is { } password)
        {
            arguments.AddRange(["--requirepass", password]);
        }

        if (_options.AclUser is { } user)
        {
            // One config line, "user NAME on >PASSWORD ~* &* +@all", given as separate words.
            arguments.AddRange(["--user", user, "on", $">{_options.AclPassword}", "~*", "&*", "+@all"]);
        }

        if (_options.AppendFsyncAlways)
        {
            arguments.AddRange(["--appendfsync", "always"]);
        }

        arguments.AddRange(_options.ExtraArguments);
        return arguments;
    }
}
