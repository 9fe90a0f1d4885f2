using System.Collections.Concurrent;
using System.IO.Compression;

namespace IncidentPlatform.Testing.Otlp;

/// <summary>
/// An OpenTelemetry collector on a free loopback port speaking OTLP/HTTP with protobuf, as the .NET SDK's exporter
/// sends it (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>): accepts every export and decodes the traces.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();

    private OtlpCollector(FakeHttpServer server) => _server = server;

    /// <summary>The base address the exporter is given as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint => _server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Every request received, raw (for metrics and logs).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Every span received so far, in the order of arrival.</summary>
    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Starts a collector.</summary>
    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector(await FakeHttpServer.StartAsync());
        collector._server.On(r => r.Method == "POST" && r.Path.StartsWith("/v1/", StringComparison.Ordinal), (request, response) =>
        {
            if (request.Path == "/v1/traces")
            {
                foreach (var span in OtlpTraceDecoder.Decode(Body(request)))
                {
                    collector._spans.Enqueue(span);
                }
            }

            // An empty Export*ServiceResponse: everything accepted.
            response.StatusCode = 200;
            response.ContentType = "application/x-protobuf";
            return Task.CompletedTask;
        });
        return collector;
    }

    /// <summary>
    /// The configuration that sends a process's telemetry here quickly: OTLP/HTTP protobuf, spans and logs batched
    /// for at most 100 ms, metrics every 500 ms.
    /// </summary>
    public Dictionary<string, string?> ExporterConfiguration() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout) =>
        _server.WaitForRequestAsync(match, timeout);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static byte[] Body(RecordedRequest request)
    {
        if (!string.Equals(request.Header("Content-Encoding"), "gzip", StringComparison.OrdinalIgnoreCase))
        {
            return request.Body;
        }

        using var gzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
