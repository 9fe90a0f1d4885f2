using System.Diagnostics;
using IncidentPlatform.Bench.Garnet;
using IncidentPlatform.Bench.Ingest;

namespace IncidentPlatform.Bench;

/// <summary>
/// The servers a benchmark runs in a process of its own (this program again, started as
/// <c>dotnet IncidentPlatform.Bench.dll --serve …</c>), so they do not share a heap or a thread pool with the load:
/// <c>--serve bare-intake PORT</c> (<see cref="BareIntake"/>) and <c>--serve garnet DIRECTORY [--no-commit-wait]</c>
/// (<see cref="DurableGarnet"/>). Each prints <c>ready</c> once it serves and runs until killed.
/// </summary>
internal static class ChildServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["bare-intake", var port]:
                await BareIntake.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case ["garnet", var directory, .. var options]:
                await using (var garnet = DurableGarnet.Start(directory, commitWait: !options.Contains("--no-commit-wait")))
                {
                    Console.WriteLine("ready " + garnet.ConnectionString);
                    await Task.Delay(Timeout.Infinite);
                }

                return 0;
            default:
                Console.Error.WriteLine("usage: --serve bare-intake PORT | --serve garnet DIRECTORY [--no-commit-wait]");
                return 2;
        }
    }

    /// <summary>
    /// Starts this program as <c>--serve <paramref name="arguments"/></c> and waits (up to a minute) for its
    /// <c>ready</c> line; returns the running child and what followed <c>ready</c> on that line.
    /// </summary>
    public static async Task<(Running Child, string Ready)> StartAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        start.ArgumentList.Add("--serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new Running(Process.Start(start)!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            while (await child.Process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("ready", StringComparison.Ordinal))
                {
                    _ = child.Process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipes drained
                    _ = child.Process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return (child, line["ready".Length..].Trim());
                }
            }
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        await child.DisposeAsync();
        throw new InvalidOperationException(
            $"--serve {string.Join(' ', arguments)} exited before it was ready: {await child.Process.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }

    /// <summary>A child server; disposing it kills it (SIGKILL).</summary>
    public sealed class Running(Process process) : IAsyncDisposable
    {
        public Process Process { get; } = process;

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }
        }
    }
}
