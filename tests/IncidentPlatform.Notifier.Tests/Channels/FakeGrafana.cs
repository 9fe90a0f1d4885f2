using System.Text.Json.Nodes;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Notifier.Tests.Channels;

/// <summary>
/// Grafana's annotations HTTP API as documented: find (<c>GET /api/annotations</c>, every <c>tags</c> must match,
/// <c>limit</c>, <c>type</c>), create (<c>POST</c>, answering <c>{"message":"Annotation added","id":…}</c>) and patch
/// (<c>PATCH /api/annotations/{id}</c>, only the given properties change), behind a service-account bearer token. It
/// keeps the annotations, so a test sees what Grafana would show; <see cref="Requests"/> is what our code sent.
/// </summary>
internal sealed class FakeGrafana : IAsyncDisposable
{
    public const string Token = "glsa_t3st_0123456789abcdef";
    private readonly List<JsonObject> _annotations = [];

    private FakeGrafana(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    public IReadOnlyList<JsonObject> Annotations
    {
        get
        {
            lock (_annotations)
            {
                return [.. _annotations.Select(a => a.DeepClone().AsObject())];
            }
        }
    }

    /// <summary>When set, the next create stores the annotation and then answers 503, as when the answer is lost.</summary>
    public bool LoseNextCreateAnswer { get; set; }

    public static async Task<FakeGrafana> StartAsync()
    {
        var fake = new FakeGrafana(await FakeHttpServer.StartAsync());
        fake.Server.On(_ => true, fake.HandleAsync);
        return fake;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private Task HandleAsync(RecordedRequest r, HttpResponse response)
    {
        if (r.Header("Authorization") != $"Bearer {Token}")
        {
            return FakeHttpServer.WriteJsonAsync(response, 401, new JsonObject { ["message"] = "Unauthorized" });
        }

        lock (_annotations)
        {
            switch (r.Method)
            {
                case "GET" when r.Path == "/api/annotations":
                    var query = r.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
                        .Select(p => (Key: p[0], Value: Uri.UnescapeDataString(p[1]))).ToList();
                    var tags = query.Where(p => p.Key == "tags").Select(p => p.Value).ToList();
                    var limit = int.Parse(query.Where(p => p.Key == "limit").Select(p => p.Value).DefaultIfEmpty("100").First());
                    var found = _annotations.Where(a => tags.All(t => a["tags"]!.AsArray().Any(x => (string?)x == t))).Take(limit);
                    return FakeHttpServer.WriteJsonAsync(response, 200, new JsonArray([.. found.Select(a => (JsonNode)a.DeepClone())]));
                case "POST" when r.Path == "/api/annotations":
                    var annotation = JsonNode.Parse(r.Body)!.AsObject();
                    annotation["id"] = _annotations.Count + 1;
                    _annotations.Add(annotation);
                    if (LoseNextCreateAnswer)
                    {
                        LoseNextCreateAnswer = false;
                        return FakeHttpServer.WriteJsonAsync(response, 503, new JsonObject { ["message"] = "Service Unavailable" });
                    }

                    return FakeHttpServer.WriteJsonAsync(response, 200, new JsonObject { ["message"] = "Annotation added", ["id"] = annotation["id"]!.DeepClone() });
                case "PATCH" when r.Path.StartsWith("/api/annotations/", StringComparison.Ordinal):
                    var existing = _annotations.FirstOrDefault(a => $"/api/annotations/{a["id"]}" == r.Path);
                    if (existing is null)
                    {
                        return FakeHttpServer.WriteJsonAsync(response, 404, new JsonObject { ["message"] = "Could not find annotation to update" });
                    }

                    foreach (var (key, value) in JsonNode.Parse(r.Body)!.AsObject())
                    {
                        existing[key] = value?.DeepClone();
                    }

                    return FakeHttpServer.WriteJsonAsync(response, 200, new JsonObject { ["message"] = "Annotation patched" });
                default:
                    return FakeHttpServer.WriteJsonAsync(response, 404, new JsonObject { ["message"] = "Not found" });
            }
        }
    }
}
