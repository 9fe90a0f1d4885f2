using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.Jira;

/// <summary>The Jira Cloud REST v3 calls the channel makes, with basic auth (account e-mail : API token).</summary>
internal sealed class JiraApi(ChannelOptions options, IHttpClientFactory http)
{
    /// <summary><c>POST /rest/api/3/issue</c>; returns the new issue's key.</summary>
    public async Task<(SendResult Result, string? Key)> CreateIssueAsync(
        string summary, JsonObject description, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = options.Project },
                ["issuetype"] = new JsonObject { ["name"] = options.IssueType },
                ["summary"] = summary,
                ["description"] = description,
                ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
            },
        };
        var (result, text) = await SendAsync(HttpMethod.Post, "rest/api/3/issue", body, cancellationToken);
        if (!result.Success)
        {
            return (result, null);
        }

        var key = Property(text, "key");
        return key is null ? (SendResult.Permanent("Jira created an issue but returned no key"), null) : (result, key);
    }

    /// <summary><c>POST /rest/api/3/issue/{key}/comment</c> with an ADF body.</summary>
    public async Task<SendResult> CommentAsync(string key, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"rest/api/3/issue/{Uri.EscapeDataString(key)}/comment",
            new JsonObject { ["body"] = body }, cancellationToken)).Result;

    /// <summary>Finds the transition named <paramref name="name"/> (or leading to a status of that name) and applies it.</summary>
    public async Task<SendResult> TransitionAsync(string key, string name, CancellationToken cancellationToken)
    {
        var path = $"rest/api/3/issue/{Uri.EscapeDataString(key)}/transitions";
        var (list, text) = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        if (!list.Success)
        {
            return list;
        }

        var available = new List<(string Id, string Name, string? To)>();
        using (var json = JsonDocument.Parse(text))
        {
            if (json.RootElement.TryGetProperty("transitions", out var transitions) && transitions.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in transitions.EnumerateArray())
                {
                    var to = t.TryGetProperty("to", out var status) && status.TryGetProperty("name", out var toName) ? toName.GetString() : null;
                    available.Add((t.GetProperty("id").GetString() ?? "", t.GetProperty("name").GetString() ?? "", to));
                }
            }
        }

        var match = available.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match.Id is null)
        {
            match = available.FirstOrDefault(t => string.Equals(t.To, name, StringComparison.OrdinalIgnoreCase));
        }

        if (string.IsNullOrEmpty(match.Id))
        {
            return SendResult.Permanent(
                $"Jira issue {key} has no transition named '{name}' (available: {string.Join(", ", available.Select(t => t.Name))})");
        }

        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = match.Id } };
        return (await SendAsync(HttpMethod.Post, path, body, cancellationToken)).Result;
    }

    private async Task<(SendResult Result, string Text)> SendAsync(
        HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var baseUrl = options.Url!.EndsWith('/') ? options.Url : options.Url + "/";
        var uri = new Uri(new Uri(baseUrl), path);
        var request = body is null ? new HttpRequestMessage(method, uri) : VendorHttp.Json(method, uri, body);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (result, _, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return (result, text);
    }

    private static string? Property(string text, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
