using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.ServiceNow;

/// <summary>
/// The Table API calls on the <c>incident</c> table the channel makes: find by correlation id, create, update. Each
/// asks only for <c>sys_id</c> and <c>number</c> back (<c>sysparm_fields</c>).
/// </summary>
internal sealed class ServiceNowApi(ChannelOptions options, IHttpClientFactory http, TimeProvider time)
{
    public const string IncidentTable = "api/now/table/incident";
    private const string Fields = "sysparm_fields=sys_id%2Cnumber";
    private readonly ServiceNowAuth _auth = new(options, http, time);

    /// <summary><c>GET …/incident?sysparm_query=correlation_id=…</c>: the incident already made for ours, if any.</summary>
    public async Task<(SendResult Result, ServiceNowRecord? Record)> FindAsync(string correlationId, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString("correlation_id=" + correlationId);
        var (result, answer) = await SendAsync(
            HttpMethod.Get, $"{IncidentTable}?sysparm_query={query}&{Fields}&sysparm_limit=1", null, cancellationToken);
        if (!result.Success)
        {
            return (result, null);
        }

        // Creating on an answer we cannot read could make a second incident: only an empty list means "none".
        return answer is { ValueKind: JsonValueKind.Array } list
            ? (result, list.EnumerateArray().Select(Record).FirstOrDefault(r => r is not null))
            : (SendResult.Transient("ServiceNow: the incident lookup answered without a result list"), null);
    }

    /// <summary><c>POST …/incident</c>.</summary>
    public async Task<(SendResult Result, ServiceNowRecord? Record)> CreateAsync(JsonObject fields, CancellationToken cancellationToken)
    {
        var (result, answer) = await SendAsync(HttpMethod.Post, $"{IncidentTable}?{Fields}", fields, cancellationToken);
        var record = answer is { } created ? Record(created) : null;
        return result.Success && record is null
            ? (SendResult.Permanent("ServiceNow created an incident but returned no sys_id"), null)
            : (result, record);
    }

    /// <summary><c>PATCH …/incident/{sys_id}</c>.</summary>
    public async Task<SendResult> UpdateAsync(string sysId, JsonObject fields, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Patch, $"{IncidentTable}/{Uri.EscapeDataString(sysId)}?{Fields}", fields, cancellationToken)).Result;

    /// <summary>An address on the instance (<c>Url</c>).</summary>
    public static Uri Resolve(ChannelOptions options, string relative) =>
        new(new Uri(options.Url!.EndsWith('/') ? options.Url : options.Url + "/"), relative);

    // Sends with the auth header; on success returns the answer's "result".
    private async Task<(SendResult Result, JsonElement? Answer)> SendAsync(
        HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        var (failure, header) = await _auth.HeaderAsync(cancellationToken);
        if (header is null)
        {
            return (failure!, null);
        }

        var uri = Resolve(options, relative);
        var request = body is null ? new HttpRequestMessage(method, uri) : VendorHttp.Json(method, uri, body);
        request.Headers.Authorization = header;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (result, status, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        if (status == HttpStatusCode.Unauthorized && _auth.UsesOAuth)
        {
            // A revoked or early-expired token: the next attempt asks for a new one.
            _auth.Invalidate();
            return (SendResult.Transient($"ServiceNow: {result.Error} (the token is renewed on the next attempt)"), null);
        }

        return result.Success ? (result, Answer(text)) : (result.In("ServiceNow"), null);
    }

    private static JsonElement? Answer(string text) =>
        VendorHttp.ParseJson(text) is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("result", out var result) ? result : null;

    private static ServiceNowRecord? Record(JsonElement r) =>
        r.ValueKind == JsonValueKind.Object && Text(r, "sys_id") is { } sysId ? new ServiceNowRecord(sysId, Text(r, "number") ?? sysId) : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
