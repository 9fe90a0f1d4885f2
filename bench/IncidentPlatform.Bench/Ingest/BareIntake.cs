using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Bench.Ingest;

/// <summary>
/// The ingest benchmark's baseline: Kestrel with one endpoint that parses the alert's JSON and answers 202 with an id,
/// as <c>POST /api/alerts</c> does, and nothing else (no auth, no store, no bus).
/// </summary>
internal static class BareIntake
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var next = 0L;
        app.MapPost("/api/alerts", async (HttpRequest request) =>
        {
            using var alert = await JsonDocument.ParseAsync(request.Body);
            var id = alert.RootElement.TryGetProperty("id", out var given) ? given.GetString() : null;
            return Results.Json(new Accepted(id ?? $"alt-{Interlocked.Increment(ref next)}"), statusCode: StatusCodes.Status202Accepted);
        });
        app.MapGet("/health", () => "Healthy");
        await app.StartAsync();
        Console.WriteLine("ready");
        await app.WaitForShutdownAsync();
    }

    private sealed record Accepted(string AlertId);
}
