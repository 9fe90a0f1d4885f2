using System.Collections.Concurrent;
using System.Diagnostics;

namespace IncidentPlatform.Testing.Fuzz;

/// <summary>
/// Sends generated inputs to routes and counts what came back: statuses, 5xx answers (with the input's kind and the
/// start of the answer) and hangs (no answer within the per-request timeout). A connection error counts as a 5xx: the
/// process must stay up and answer.
/// </summary>
public static class FuzzRun
{
    /// <summary>What one route answered.</summary>
    public sealed record Report(FuzzRoute Route, int Inputs, IReadOnlyDictionary<int, int> Statuses,
        IReadOnlyList<string> ServerErrors, int Hangs, TimeSpan Elapsed)
    {
        public override string ToString() =>
            $"{Route,-40} {Inputs,7} inputs  5xx {ServerErrors.Count}  hangs {Hangs}  {Elapsed.TotalSeconds,6:F1} s  " +
            string.Join(' ', Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
    }

    /// <summary>Sends <paramref name="inputs"/> inputs to <paramref name="route"/>, <paramref name="parallel"/> at a time.</summary>
    public static async Task<Report> RouteAsync(HttpClient client, FuzzRoute route, int inputs, int seed, int parallel,
        TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = new ConcurrentQueue<string>();
        var hangs = 0;
        var started = Stopwatch.StartNew();
        var random = new Random(seed);
        var gate = new Lock();
        await Parallel.ForAsync(0, inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (_, ct) =>
            {
                HttpRequestMessage request;
                string kind;
                lock (gate)
                {
                    (request, kind) = FuzzInput.Create(random, route);
                }

                using var sent = request;
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(timeout);
                try
                {
                    using var response = await client.SendAsync(sent, limit.Token);
                    var status = (int)response.StatusCode;
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (status >= 500)
                    {
                        var text = await response.Content.ReadAsStringAsync(ct);
                        errors.Enqueue($"{kind}: {status} {text[..Math.Min(300, text.Length)]}");
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref hangs);
                }
                catch (HttpRequestException e)
                {
                    errors.Enqueue($"{kind}: connection failed: {e.Message}");
                }
            });
        return new Report(route, inputs, statuses.ToDictionary(), [.. errors], hangs, started.Elapsed);
    }
}
