using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentPlatform.Testing.Fuzz;

/// <summary>
/// One generated request for a <see cref="FuzzRoute"/>, from a seeded <see cref="Random"/> (the same seed gives the same
/// inputs): the valid sample mutated (a value of the wrong type, a huge string or array, a truncation), deep nesting,
/// invalid UTF-8, random bytes, a wrong content type, truncated gzip, bad signature headers.
/// </summary>
public static class FuzzInput
{
    /// <summary>The kinds of input, in the order <see cref="Create"/> picks them.</summary>
    public static readonly string[] Kinds =
    [
        "wrong-type", "truncated-json", "huge-string", "huge-array", "deep-nesting", "invalid-utf8", "random-bytes",
        "wrong-content-type", "truncated-gzip", "bad-signature", "empty", "valid-shape",
    ];

    private static readonly string[] SignatureHeaders =
    [
        "X-PagerDuty-Signature", "X-Slack-Signature", "X-Slack-Request-Timestamp", "x-amz-sns-message-type",
        "X-Webhook-Token", "X-Amz-Firehose-Access-Key", "Authorization", "X-Api-Key",
    ];

    /// <summary>The next input for <paramref name="route"/> and the kind it is.</summary>
    public static (HttpRequestMessage Request, string Kind) Create(Random random, FuzzRoute route)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var contentType = route.ContentType;
        byte[] body = kind switch
        {
            "wrong-type" => Utf8(Mutate(route.SampleBody, random, _ => WrongValue(random))),
            "truncated-json" => Utf8(route.SampleBody[..random.Next(Math.Max(1, route.SampleBody.Length))]),
            "huge-string" => Utf8(Mutate(route.SampleBody, random, _ => JsonValue.Create(new string('x', random.Next(1, 3) * 600_000)))),
            "huge-array" => Utf8(Mutate(route.SampleBody, random, _ => new JsonArray([.. Enumerable.Range(0, 50_000).Select(i => (JsonNode?)i)]))),
            "deep-nesting" => Utf8(new string('[', random.Next(64, 20_000)) + "1" + new string(']', random.Next(0, 3))),
            "invalid-utf8" => [.. Utf8(route.SampleBody[..(route.SampleBody.Length / 2)]), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\"}")],
            "random-bytes" => RandomBytes(random, random.Next(0, 4096)),
            "empty" => [],
            _ => Utf8(route.SampleBody),
        };

        if (kind == "wrong-content-type")
        {
            contentType = new[] { "application/xml", "multipart/form-data", "text/html; charset=utf-16", "image/png", "x/y" }[random.Next(5)];
        }

        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        foreach (var (name, value) in route.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (kind == "bad-signature")
        {
            var header = SignatureHeaders[random.Next(SignatureHeaders.Length)];
            request.Headers.Remove(header);
            // Printable ASCII only: HttpClient itself refuses anything else in a header.
            request.Headers.TryAddWithoutValidation(header, new string([.. RandomBytes(random, random.Next(0, 200)).Select(b => (char)(' ' + (b % 95)))]));
        }

        request.Content = new ByteArrayContent(kind == "truncated-gzip" ? TruncatedGzip(Utf8(route.SampleBody), random) : body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (kind == "truncated-gzip")
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        return (request, kind);
    }

    private static string Mutate(string sample, Random random, Func<JsonNode?, JsonNode?> replace)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(sample);
        }
        catch (System.Text.Json.JsonException)
        {
            return sample;
        }

        if (root is null)
        {
            return sample;
        }

        // Walk down a random path and replace the node found there.
        var (parent, key, index) = ((JsonNode?)null, (string?)null, -1);
        var node = root;
        for (var depth = random.Next(1, 5); depth > 0; depth--)
        {
            if (node is JsonObject o && o.Count > 0)
            {
                var pick = o.ElementAt(random.Next(o.Count));
                (parent, key, index, node) = (o, pick.Key, -1, pick.Value);
            }
            else if (node is JsonArray a && a.Count > 0)
            {
                var i = random.Next(a.Count);
                (parent, key, index, node) = (a, null, i, a[i]);
            }
            else
            {
                break;
            }
        }

        var replacement = replace(node);
        switch (parent)
        {
            case JsonObject o when key is not null:
                o[key] = replacement;
                break;
            case JsonArray a when index >= 0:
                a[index] = replacement;
                break;
            default:
                return replacement?.ToJsonString() ?? "null";
        }

        return root.ToJsonString();
    }

    private static JsonNode? WrongValue(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.NextDouble() * 1e300),
        2 => JsonValue.Create(long.MinValue),
        3 => JsonValue.Create(true),
        4 => new JsonArray(JsonValue.Create("a"), new JsonObject()),
        5 => new JsonObject { ["x"] = new JsonArray() },
        6 => JsonValue.Create("\u0000\u202e<script>\ud800"),
        _ => JsonValue.Create("9999-99-99T99:99:99Z"),
    };

    private static byte[] TruncatedGzip(byte[] body, Random random)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        var all = buffer.ToArray();
        return all[..random.Next(0, all.Length)];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
