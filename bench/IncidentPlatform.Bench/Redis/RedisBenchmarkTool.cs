using System.Diagnostics;
using System.Globalization;
using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// Runs redis-benchmark (the reference: C, one event loop, <c>-c</c> connections) on one command, given as it is sent
/// (<c>set KEY VALUE ex 3600</c>), and reads the requests per second from its <c>--csv</c> output.
/// </summary>
internal static class RedisBenchmarkTool
{
    public static async Task<double> RunAsync(
        EndPoint server, RedisBenchmarkSettings settings, int pipeline, string[] command, CancellationToken cancellationToken)
    {
        var (host, port) = server switch
        {
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            DnsEndPoint dns => (dns.Host, dns.Port),
            _ => throw new ArgumentException($"redis-benchmark cannot reach {server}.", nameof(server)),
        };
        var start = new ProcessStartInfo(RequiredBinary.Find("redis-benchmark", "redis-tools"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", Text(settings.Clients),
            "-n", Text(settings.Requests), "-P", Text(pipeline), "--csv", .. command,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-benchmark exited with {process.ExitCode}: {await errors}");
        }

        var rates = ParseCsv(await output);
        return rates.Count == 1
            ? rates.Values.Single()
            : throw new InvalidOperationException($"redis-benchmark printed no rate for {string.Join(' ', command)}: {await output}");
    }

    /// <summary>Reads <c>"SET","86956.52",…</c> lines (the header and anything else are skipped).</summary>
    public static Dictionary<string, double> ParseCsv(string csv)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',');
            if (fields.Length >= 2
                && double.TryParse(fields[1].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                rates[fields[0].Trim('"')] = rate;
            }
        }

        return rates;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
