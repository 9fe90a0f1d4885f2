using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Bench.Ingest;

/// <summary>
/// One server the ingest benchmark posts alerts to, in a process of its own: <c>bare</c> (Kestrel parsing JSON and
/// answering 202), or the standalone host (<c>services/IncidentPlatform.Standalone</c>, as built) on the embedded
/// journal store (<c>embedded</c>), on redis-server with <c>appendfsync always</c> (<c>redis</c>), or on Garnet with its
/// AOF and commit wait (<c>garnet</c>, Garnet in a process beside it: see <see cref="Garnet.DurableGarnet"/>).
/// </summary>
internal sealed class IngestTarget : IAsyncDisposable
{
    public const string ApiKey = "ingest-bench-key-0123456789abcdef";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly TempDirectory _directory = new("ingest-bench-");

    private IngestTarget(string kind) => Kind = kind;

    public string Kind { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts <paramref name="kind"/>; <paramref name="logLevel"/> overrides the host's default log level when given.</summary>
    public static async Task<IngestTarget> StartAsync(string kind, string? logLevel, CancellationToken cancellationToken)
    {
        var target = new IngestTarget(kind);
        try
        {
            await target.StartServerAsync(logLevel, cancellationToken);
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        _directory.Dispose();
    }

    private async Task StartServerAsync(string? logLevel, CancellationToken cancellationToken)
    {
        if (Kind == "bare")
        {
            var port = FreePort.Next();
            await StartChildAsync(cancellationToken, "bare-intake", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
            return;
        }

        var configuration = new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = _directory.File("data"),
            ["Auth:ApiKeys:bench:Key"] = ApiKey,
            ["Auth:ApiKeys:bench:Scopes"] = "read,write",
            ["Auth:RateLimit:PermitsPerMinute"] = "0",
            ["Detector:Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = logLevel,
        };
        switch (Kind)
        {
            case "embedded":
                break;
            case "redis":
                var redis = await RedisServer.StartNewAsync(new RedisServerOptions { AppendFsyncAlways = true }, cancellationToken);
                _owned.Add(redis);
                configuration["IncidentPlatform:Store"] = "redis";
                configuration[$"ConnectionStrings:{ResourceNames.Redis}"] = redis.ConnectionString;
                break;
            case "garnet":
                configuration["IncidentPlatform:Store"] = "redis";
                configuration[$"ConnectionStrings:{ResourceNames.Redis}"] =
                    await StartChildAsync(cancellationToken, "garnet", _directory.File("garnet"));
                break;
            default:
                throw new ArgumentException($"Unknown ingest target '{Kind}'.");
        }

        var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", configuration, cancellationToken);
        _owned.Add(host);
        BaseAddress = host.BaseAddress;
    }

    /// <summary>Starts a <see cref="ChildServer"/> (killed with the target) and returns what its <c>ready</c> line says.</summary>
    private async Task<string> StartChildAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (child, ready) = await ChildServer.StartAsync(cancellationToken, arguments);
        _owned.Add(child);
        return ready;
    }
}
