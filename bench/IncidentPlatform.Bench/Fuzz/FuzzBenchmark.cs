using System.Net;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Testing;
using IncidentPlatform.Testing.Fuzz;

namespace IncidentPlatform.Bench.Fuzz;

/// <summary>
/// <c>fuzz [inputs per route] [seed] [parallel]</c>: the long run of <c>FuzzTests</c> against the standalone host in its
/// own process (every service, the embedded store): generated bad input on every gateway route with a body, then
/// checks that the process is up, health answers and the incident accepted before the run is still there. Prints one
/// line per route (inputs, 5xx, hangs, statuses); exits 1 on any 5xx, hang or loss.
/// </summary>
internal sealed class FuzzBenchmark : IBenchmark
{
    private const string ApiKey = "fuzz-bench-key-0123456789abcdef";

    public string Name => "fuzz";

    public string Description => "generated bad input on every gateway route with a body [inputs=10000] [seed=15] [parallel=4]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var inputs = args.Length > 0 ? BenchArguments.Positive("inputs", args[0]) : 10_000;
        var seed = args.Length > 1 ? BenchArguments.Positive("seed", args[1]) : 15;
        var parallel = args.Length > 2 ? BenchArguments.Positive("parallel", args[2]) : 4;
        using var directory = new TempDirectory("ip-bench-fuzz-");
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = directory.File("data"),
            ["Auth:ApiKeys:fuzz:Key"] = ApiKey,
            ["Auth:ApiKeys:fuzz:Scopes"] = "admin",
            ["Auth:RateLimit:PermitsPerMinute"] = "0",
            ["Auth:RateLimit:AnonymousPermitsPerMinute"] = "0",
            ["Webhooks:Sns:AllowedTopicArns:0"] = "arn:aws:sns:us-west-2:123456789012:MyTopic",
            ["Slack:SigningSecret"] = "fuzz-slack-secret-0123456789",
            ["Detector:Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }, cancellationToken);
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        var incident = await AcceptOneAsync(client, cancellationToken);

        var failed = false;
        foreach (var route in FuzzRoutes.Gateway(ApiKey, incident))
        {
            var report = await FuzzRun.RouteAsync(client, route, inputs, seed, parallel, TimeSpan.FromSeconds(30), cancellationToken);
            Console.WriteLine(report);
            foreach (var error in report.ServerErrors.Take(5))
            {
                Console.WriteLine($"    {error}");
            }

            failed |= report.ServerErrors.Count > 0 || report.Hangs > 0;
        }

        using var check = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents/{incident}");
        check.Headers.Add("X-Api-Key", ApiKey);
        using var kept = await client.SendAsync(check, cancellationToken);
        using var health = await client.GetAsync("/health", cancellationToken);
        Console.WriteLine($"after: process up {!host.HasExited}, /health {(int)health.StatusCode}, incident accepted before: {(int)kept.StatusCode}");
        return failed || host.HasExited || health.StatusCode != HttpStatusCode.OK || kept.StatusCode != HttpStatusCode.OK ? 1 : 0;
    }

    // Posts one alert and waits for its incident; returns the incident's id.
    private static async Task<string> AcceptOneAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/alerts")
        {
            Content = new StringContent(FuzzRoutes.Gateway(ApiKey, "").First(r => r.Path == "/api/alerts").SampleBody,
                Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Api-Key", ApiKey);
        using var accepted = await client.SendAsync(post, cancellationToken);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The alert before the fuzz was not accepted: {await accepted.Content.ReadAsStringAsync(cancellationToken)}");
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
            list.Headers.Add("X-Api-Key", ApiKey);
            using var response = await client.SendAsync(list, cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } item)
            {
                return item.GetProperty("id").GetString()!;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The alert posted before the fuzz never became an incident.");
    }
}
