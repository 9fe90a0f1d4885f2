using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IncidentPlatform.Bench.Store;

namespace IncidentPlatform.Bench.Ingest;

/// <summary>
/// Concurrent senders posting alerts to <c>/api/alerts</c>, each waiting for its answer before sending the next (one
/// keep-alive connection each). Every alert has its own sender id, so the gateway's de-duplication claim (a durable
/// store write) happens before every 202; they spread over <c>fingerprints</c> services and titles, as a storm does.
/// The bodies are made before the clock starts.
/// </summary>
internal sealed class AlertSenders(Uri baseAddress, int senders, int fingerprints) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = senders,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _batch;

    public void Dispose() => _http.Dispose();

    /// <summary>Posts <paramref name="count"/> alerts; every answer must be 202.</summary>
    public Task<LoadResult> SendAsync(int count)
    {
        var batch = Interlocked.Increment(ref _batch);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            bodies[i] = Body(batch, i, now);
        }

        return LoadResult.MeasureAsync(senders, count, async i =>
        {
            using var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts") { Content = content };
            request.Headers.Add("X-Api-Key", IngestTarget.ApiKey);
            using var response = await _http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException(
                    $"Alert {i} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
    }

    private byte[] Body(int batch, int number, string timestamp)
    {
        var service = (number % fingerprints).ToString("D3", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"{{_run}}-{{batch}}-{{number}}","source":"bench","title":"Error rate above 5% on svc-{{service}}","message":"5xx responses: 7.2% over 5 minutes","severity":"high","timestamp":"{{timestamp}}","service":"svc-{{service}}","labels":{"region":"eu-west-1"} }"""));
    }
}
