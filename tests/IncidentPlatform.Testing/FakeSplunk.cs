using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Testing;

/// <summary>
/// Splunk's export endpoint as its REST reference documents it: <c>POST /services/search/v2/jobs/export</c> with form
/// fields, answering (for <c>output_mode=json</c>) one JSON object per line — <c>preview</c>, <c>offset</c>,
/// <c>result</c>, and <c>lastrow</c> on the last — over the events it holds whose time is in
/// [<c>earliest_time</c>, <c>latest_time</c>). A search with <c>stats count by service</c> gets one row per service;
/// any other gets the raw events. Errors answer as Splunk does: <c>{"messages":[{"type":…,"text":…}]}</c>.
/// </summary>
public sealed class FakeSplunk : IAsyncDisposable
{
    public const string ExportPath = "/services/search/v2/jobs/export";
    private readonly List<(DateTimeOffset At, string Service, string Raw)> _events = [];

    private FakeSplunk(FakeHttpServer server)
    {
        Server = server;
        Server.On(r => r.Path == ExportPath, AnswerAsync);
    }

    public FakeHttpServer Server { get; }

    /// <summary>While set, searches do not answer until it completes (a long-running search).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Whether a stats search first streams a preview result set (as a running reporting search does).</summary>
    public bool EmitPreview { get; set; }

    public IReadOnlyList<RecordedRequest> Exports => [.. Server.Requests.Where(r => r.Path == ExportPath)];

    public static async Task<FakeSplunk> StartAsync(X509Certificate2? certificate = null) =>
        new(await FakeHttpServer.StartAsync(certificate));

    public static (DateTimeOffset Earliest, DateTimeOffset Latest) WindowOf(RecordedRequest request)
    {
        var form = request.Form();
        return (FromEpoch(form["earliest_time"]), FromEpoch(form["latest_time"]));
    }

    public void Add(DateTimeOffset at, string service, string raw)
    {
        lock (_events)
        {
            _events.Add((at, service, raw));
        }
    }

    /// <summary>From now on, answers every export with this status and Splunk's error body.</summary>
    public void FailWith(int status, string type, string text) =>
        Server.On(r => r.Path == ExportPath, status, Messages(type, text));

    /// <summary>From now on, answers exports normally again.</summary>
    public void Recover() => Server.On(r => r.Path == ExportPath, AnswerAsync);

    public static string Messages(string type, string text) =>
        JsonSerializer.Serialize(new { messages = new[] { new { type, text } } });

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task AnswerAsync(RecordedRequest request, HttpResponse response)
    {
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(response.HttpContext.RequestAborted);
        }

        var (earliest, latest) = WindowOf(request);
        var search = request.Form()["search"];
        List<(DateTimeOffset At, string Service, string Raw)> events;
        lock (_events)
        {
            events = [.. _events.Where(e => e.At >= earliest && e.At < latest)];
        }

        IEnumerable<object> rows = search.Contains("stats count by service", StringComparison.Ordinal)
            ? events.GroupBy(e => e.Service).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (object)new Dictionary<string, object> { ["service"] = g.Key, ["count"] = g.Count().ToString(CultureInfo.InvariantCulture) })
            : events.Select(e => (object)new Dictionary<string, object>
            {
                ["_time"] = e.At.ToString("O", CultureInfo.InvariantCulture), ["service"] = e.Service, ["_raw"] = e.Raw,
            });
        var results = rows.ToList();

        response.StatusCode = 200;
        response.ContentType = "application/json; charset=UTF-8";
        if (EmitPreview && results.Count > 0)
        {
            await WriteSetAsync(response, results.Take(1).ToList(), preview: true);
        }

        await WriteSetAsync(response, results, preview: false);
    }

    private static async Task WriteSetAsync(HttpResponse response, List<object> results, bool preview)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var line = i == results.Count - 1
                ? JsonSerializer.Serialize(new { preview, offset = i, lastrow = true, result = results[i] })
                : JsonSerializer.Serialize(new { preview, offset = i, result = results[i] });
            await response.WriteAsync(line + "\n");
            await response.Body.FlushAsync();
        }
    }

    private static DateTimeOffset FromEpoch(string seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(seconds, CultureInfo.InvariantCulture) * 1000));
}
