using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>
/// kill -9 of a process writing to the embedded store as fast as it can (with compactions every 256 KiB of journal):
/// every write it reported as acknowledged must be in the store when it is opened again.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Kill9_WhileWriting_LosesNoAcknowledgedWrite()
    {
        var acknowledged = await RunCrashWriterAndKillIt();

        await using var store = EmbeddedStores.Open(_directory.Path, maxAlertsPerIncident: 1_000_000);
        var kinds = acknowledged.Select(a => a.Split(' ')[0]).Distinct().Order().ToArray();
        kinds.ShouldBe(["alert", "counter", "document", "incident", "log"]);
        var alerts = (await store.GetAlertsAsync("inc-shared", 1_000_000)).Select(a => a.Id).ToHashSet();
        var shared = (await store.GetAsync("inc-shared")).ShouldNotBeNull();
        var count = long.Parse(shared.Labels["count"], CultureInfo.InvariantCulture);
        foreach (var line in acknowledged)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "incident":
                    (await store.GetAsync(parts[1])).ShouldNotBeNull(line).Title.ShouldBe("title of " + parts[1]);
                    break;
                case "document":
                    var n = parts[1]["doc-".Length..];
                    (await store.GetAsync("crash", parts[1])).ShouldNotBeNull(line).Json.ShouldBe($$"""{"n":{{n}}}""");
                    break;
                case "log":
                    (await store.ReadAsync("crash-log", long.Parse(parts[1], CultureInfo.InvariantCulture), 1))
                        .ShouldHaveSingleItem(line).ShouldBe(parts[2]);
                    break;
                case "counter":
                    count.ShouldBeGreaterThanOrEqualTo(long.Parse(parts[1], CultureInfo.InvariantCulture), line);
                    break;
                default:
                    alerts.ShouldContain(parts[1], line);
                    break;
            }
        }

        shared.Version.ShouldBe(count + 1);
        (await store.AppendAsync("after-the-crash", "works")).ShouldBe(0);
    }

    /// <summary>Runs the crash writer for a while, kills it with SIGKILL, and returns the writes it acknowledged.</summary>
    private async Task<List<string>> RunCrashWriterAndKillIt()
    {
        var writer = typeof(CrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWriterPath").Value.ShouldNotBeNull();
        File.Exists(writer).ShouldBeTrue(writer);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(_directory.Path);
        using var process = new Process { StartInfo = start };
        var lines = new ConcurrentQueue<string>();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Let it write for a second and a half, and at least a few hundred writes (a slow machine gets up to a minute).
        var clock = Stopwatch.StartNew();
        while ((clock.Elapsed < TimeSpan.FromSeconds(1.5) || lines.Count < 500) && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            process.HasExited.ShouldBeFalse($"The crash writer exited by itself: {errors}");
            await Task.Delay(50);
        }

        process.Kill();
        await process.WaitForExitAsync();

        // A line cut by the kill has no ';' at its end and is left out.
        var acknowledged = lines.Where(l => l.EndsWith(';') && l != "ready;").Select(l => l[..^1]).ToList();
        acknowledged.Count.ShouldBeGreaterThan(100, $"stderr: {errors}");
        return acknowledged;
    }
}
