using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IncidentPlatform.Gateway;

/// <summary>Reads a JSON request body with a size limit, turning every failure into a problem result.</summary>
internal static class JsonBody
{
    public const int DefaultLimit = 256 * 1024;

    /// <summary>The body of a request sent as JSON (415 for another content type).</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, int limit = DefaultLimit) where T : class
    {
        if (!(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as JSON with 'Content-Type: application/json'."));
        }

        var (body, problem) = await RawBody.ReadAsync(request, limit, allowEmpty: true);
        return problem is null ? Parse(body!, type) : (null, problem);
    }

    /// <summary>A body that must be JSON whatever content type its sender uses (SNS sends text/plain), read once.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAnyAsync<T>(HttpRequest request, JsonTypeInfo<T> type, int limit, string expected)
        where T : class
    {
        var (body, problem) = await RawBody.ReadAsync(request, limit);
        return problem is null ? Parse(body!, type, expected) : (null, problem);
    }

    /// <summary>JSON bytes (whatever content type a sender used) as <typeparamref name="T"/>, or a 400 saying where they fail.</summary>
    public static (T? Value, IResult? Problem) Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, string expected = "valid JSON for this endpoint")
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(body, type);
            return value is null
                ? (null, Problems.Result(StatusCodes.Status400BadRequest, "Invalid body", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Invalid JSON",
                $"The body is not {expected}{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."));
        }
    }
}
