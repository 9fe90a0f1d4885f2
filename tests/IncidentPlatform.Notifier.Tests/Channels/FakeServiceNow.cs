using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;

namespace IncidentPlatform.Notifier.Tests.Channels;

/// <summary>
/// A ServiceNow instance as its documentation describes it, for the <c>incident</c> table: the Table API (list with
/// <c>sysparm_query</c>, <c>sysparm_fields</c>, <c>sysparm_limit</c>; create answering 201 with a Location header;
/// update by sys_id; 404 for an unknown record; <c>{"result": …}</c> and <c>{"error": …, "status": "failure"}</c> bodies)
/// behind basic auth or bearer tokens from <c>/oauth_token.do</c> (client credentials grant). It keeps the records, so
/// a test sees what the instance would hold; <see cref="Requests"/> is what our code sent.
/// </summary>
internal sealed class FakeServiceNow : IAsyncDisposable
{
    public const string User = "ip.integration";
    public const string Password = "sn-p4ss";
    public const string ClientId = "3b2c1d0e";
    public const string ClientSecret = "cl1ent-s3cret";
    public const int TokenSeconds = 1799;
    private const string Table = "/api/now/table/incident";
    private readonly ConcurrentDictionary<string, JsonObject> _records = new();
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private int _created;
    private int _issued;

    private FakeServiceNow(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>The incidents the instance holds, in order of creation.</summary>
    public IReadOnlyList<JsonObject> Incidents => [.. _records.Values.OrderBy(r => (string?)r["number"], StringComparer.Ordinal)];

    /// <summary>When set, the next create stores the record and then answers 503, as when the answer is lost.</summary>
    public bool LoseNextCreateAnswer { get; set; }

    public static string Basic => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    public static async Task<FakeServiceNow> StartAsync()
    {
        var fake = new FakeServiceNow(await FakeHttpServer.StartAsync());
        fake.Server.On(_ => true, fake.HandleAsync);
        return fake;
    }

    /// <summary>Revokes every token issued so far.</summary>
    public void RevokeTokens() => _tokens.Clear();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private Task HandleAsync(RecordedRequest r, HttpResponse response)
    {
        if (r.Method == "POST" && r.Path == "/oauth_token.do")
        {
            return Token(r, response);
        }

        var auth = r.Header("Authorization");
        if (auth != Basic && !(auth?.StartsWith("Bearer ", StringComparison.Ordinal) == true && _tokens.ContainsKey(auth[7..])))
        {
            return Error(response, 401, "User Not Authenticated", "Required to provide Auth information");
        }

        var query = r.Form(fromQuery: true);
        var fields = query.GetValueOrDefault("sysparm_fields")?.Split(',');
        switch (r.Method)
        {
            case "GET" when r.Path == Table:
                var condition = query.GetValueOrDefault("sysparm_query") ?? "";
                if (!condition.StartsWith("correlation_id=", StringComparison.Ordinal) || condition.Contains('^'))
                {
                    return Error(response, 400, "Unsupported query in this fake", condition);
                }

                var limit = int.Parse(query.GetValueOrDefault("sysparm_limit") ?? "10000", CultureInfo.InvariantCulture);
                var matches = Incidents.Where(i => (string?)i["correlation_id"] == condition["correlation_id=".Length..]).Take(limit);
                return Result(response, 200, new JsonArray([.. matches.Select(m => (JsonNode)Project(m, fields))]));
            case "POST" when r.Path == Table:
                var record = JsonNode.Parse(r.Body)!.AsObject();
                var number = Interlocked.Increment(ref _created);
                record["sys_id"] = Guid.NewGuid().ToString("N");
                record["number"] = $"INC{10000 + number:D7}";
                record["state"] ??= "1";
                _records[(string)record["sys_id"]!] = record;
                response.Headers.Location = $"{Server.BaseAddress.ToString().TrimEnd('/')}{Table}/{record["sys_id"]}";
                if (LoseNextCreateAnswer)
                {
                    LoseNextCreateAnswer = false;
                    return Error(response, 503, "Service Unavailable", "the answer was lost");
                }

                return Result(response, 201, Project(record, fields));
            case "PATCH" when r.Path.StartsWith(Table + "/", StringComparison.Ordinal):
                if (!_records.TryGetValue(r.Path[(Table.Length + 1)..], out var existing))
                {
                    return Error(response, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
                }

                foreach (var (key, value) in JsonNode.Parse(r.Body)!.AsObject())
                {
                    existing[key] = value?.DeepClone();
                }

                return Result(response, 200, Project(existing, fields));
            default:
                return Error(response, 400, "Invalid request in this fake", $"{r.Method} {r.Path}");
        }
    }

    private Task Token(RecordedRequest r, HttpResponse response)
    {
        var form = r.Form();
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("client_id") != ClientId ||
            form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return FakeHttpServer.WriteJsonAsync(response, 401, new JsonObject { ["error_description"] = "access_denied", ["error"] = "server_error" });
        }

        var token = $"token-{Interlocked.Increment(ref _issued)}";
        _tokens[token] = true;
        return FakeHttpServer.WriteJsonAsync(response, 200, new JsonObject
        {
            ["access_token"] = token, ["scope"] = "useraccount", ["token_type"] = "Bearer", ["expires_in"] = TokenSeconds,
        });
    }

    private static JsonObject Project(JsonObject record, string[]? fields) => fields is null
        ? record.DeepClone().AsObject()
        : new JsonObject([.. fields.Select(f => KeyValuePair.Create(f, record[f]?.DeepClone()))]);

    private static Task Result(HttpResponse response, int status, JsonNode result) =>
        FakeHttpServer.WriteJsonAsync(response, status, new JsonObject { ["result"] = result });

    private static Task Error(HttpResponse response, int status, string message, string detail) =>
        FakeHttpServer.WriteJsonAsync(response, status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["detail"] = detail }, ["status"] = "failure",
        });
}
