using System.Diagnostics;
using System.Net;
using System.Text;

namespace IncidentPlatform.Testing;

/// <summary>
/// One of the services (or the standalone host) running as a real process, configured through environment
/// variables exactly as an orchestrator would (<c>ConnectionStrings__messaging</c>…), on a free loopback port.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string project, Process process, int port)
    {
        Project = project;
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The project name, e.g. <c>IncidentPlatform.Detector</c>.</summary>
    public string Project { get; }

    /// <summary>The HTTP port.</summary>
    public int Port { get; }

    /// <summary>The base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="project"/> (a project under <c>services/</c>) with the given configuration (keys in
    /// configuration form, <c>ConnectionStrings:messaging</c>; null values are left out) without waiting for it.
    /// <paramref name="shellPrelude"/>, when given, is run by <c>/bin/sh</c> in the same process first (a resource limit
    /// such as <c>ulimit -f 0</c>), which then becomes the service.
    /// </summary>
    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> configuration, string? shellPrelude = null)
    {
        var assembly = RepositoryPaths.ServiceAssembly(project);
        var port = FreePort.Next();
        var info = new ProcessStartInfo(shellPrelude is null ? "dotnet" : "/bin/sh",
            shellPrelude is null ? [assembly] : ["-c", shellPrelude + "; exec dotnet \"$0\"", assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in configuration)
        {
            if (value is not null)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{project} did not start.");
        var service = new ServiceProcess(project, process, port);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// Starts the service and waits until <c>/health</c> answers 200. A process whose free port was taken before it
    /// could bind it (other test processes pick ports too) is started again on another, twice at the most.
    /// </summary>
    public static async Task<ServiceProcess> StartHealthyAsync(
        string project, IReadOnlyDictionary<string, string?> configuration, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = Start(project, configuration);
            try
            {
                await service.WaitForHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(90), cancellationToken);
                return service;
            }
            catch (InvalidOperationException) when (attempt < 3 && service.HasExited &&
                                                     service.Output.Contains("address already in use", StringComparison.Ordinal))
            {
                await service.DisposeAsync();
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>An HTTP client for the service.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls <c>/health</c> until it answers <paramref name="expected"/>; fails with the process output otherwise.</summary>
    public async Task WaitForHealthAsync(HttpStatusCode expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Project} exited with code {_process.ExitCode} while waiting for /health. Output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (response.StatusCode == expected)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{Project} /health did not answer {(int)expected} within {timeout} (last: {last}). Output:\n{Output}");
    }

    /// <summary>Waits for the process to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM, as an orchestrator does), and kills it if it has not within 15 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the process at once (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
