using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace IncidentPlatform.Testing;

/// <summary>
/// A real RabbitMQ node (Debian's <c>rabbitmq-server</c>) on free loopback ports, in a temporary directory, for one
/// test class or assembly. It can be stopped and started again on the same port (for outage tests).
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private static readonly byte[] AmqpHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();
    private readonly string _directory;
    private readonly string _nodeName;
    private readonly int _distributionPort;
    private Process? _process;

    private RabbitMqServer(string directory, string nodeName, int port, int distributionPort)
    {
        _directory = directory;
        _nodeName = nodeName;
        Port = port;
        _distributionPort = distributionPort;
    }

    /// <summary>The AMQP port.</summary>
    public int Port { get; }

    /// <summary>The connection string, in the form the services read from <c>ConnectionStrings:messaging</c>.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>Starts a node and waits until it accepts AMQP connections.</summary>
    public static async Task<RabbitMqServer> StartAsync(CancellationToken cancellationToken = default)
    {
        RequiredBinary.Find("rabbitmq-server", "rabbitmq-server");
        var directory = Directory.CreateTempSubdirectory("ip-rabbitmq-").FullName;
        // Debian's wrapper switches to the rabbitmq user when started as root: it must be able to write here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        var server = new RabbitMqServer(directory, $"ip{Guid.NewGuid():N}"[..14] + "@localhost", FreePort.Next(), FreePort.Next());
        try
        {
            await server.StartAsync(cancellationToken, TimeSpan.FromSeconds(90));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node again (same port, same data) after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        StartAsync(cancellationToken, TimeSpan.FromSeconds(90));

    /// <summary>Stops the node (<c>rabbitmqctl stop</c>, then kills whatever is left) and waits until the port is closed.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await CtlAsync("stop");
        KillTree();
        for (var i = 0; await AcceptsAmqpAsync(CancellationToken.None); i++)
        {
            if (i == 100)
            {
                throw new InvalidOperationException($"RabbitMQ node {_nodeName} still accepts connections on {Port} after stop.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Raises (or clears) the memory alarm: with it every publishing connection is blocked, so publishes stay
    /// unconfirmed while connections stay open (a broker that is up but takes nothing). Returns once the alarm is in
    /// the state asked for.
    /// </summary>
    public async Task SetMemoryAlarmAsync(bool raised)
    {
        await CtlAsync("set_vm_memory_high_watermark", raised ? "0" : "0.4");
        for (var i = 0; (await CtlAsync("eval", "rabbit_alarm:get_alarms().")).Contains("memory", StringComparison.Ordinal) != raised; i++)
        {
            if (i == 100)
            {
                throw new InvalidOperationException($"RabbitMQ node {_nodeName}: the memory alarm did not become {(raised ? "raised" : "clear")}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs <c>rabbitmqctl -n node …</c> (killed after 30 s); returns what it printed.</summary>
    private async Task<string> CtlAsync(params string[] arguments)
    {
        var ctl = RequiredBinary.Find("rabbitmqctl", "rabbitmq-server");
        using var process = Process.Start(new ProcessStartInfo(ctl, ["-n", _nodeName, .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return await output + await error;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return "";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            KillTree();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Files owned by the broker may still be closing; the directory is in the temp area anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(RequiredBinary.Find("rabbitmq-server", "rabbitmq-server"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["RABBITMQ_NODENAME"] = _nodeName;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = Port.ToString();
        info.Environment["RABBITMQ_DIST_PORT"] = _distributionPort.ToString();
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        info.Environment["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid");
        var output = new StringBuilder();
        _process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAmqpAsync(cancellationToken))
        {
            if (_process.HasExited || deadline.Elapsed > timeout)
            {
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException(
                    $"RabbitMQ node {_nodeName} on port {Port} did not accept AMQP connections " +
                    $"(exited: {_process.HasExited}). Output:\n{log}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    // A node accepts connections when it answers the AMQP 0-9-1 protocol header with a frame (Connection.Start).
    private async Task<bool> AcceptsAmqpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(AmqpHeader, timeout.Token);
            var frame = new byte[1];
            return await stream.ReadAsync(frame, timeout.Token) == 1 && frame[0] == 1;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException &&
                                  !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void KillTree()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }
}
