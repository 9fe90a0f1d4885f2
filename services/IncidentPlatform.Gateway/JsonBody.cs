using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IncidentPlatform.Gateway;

/// <summary>Reads a JSON request body with a size limit, turning every failure into a problem result.</summary>
internal static class JsonBody
{
    public const int DefaultLimit = 256 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, int limit = DefaultLimit) where T : class
    {
        if (request.ContentLength > limit)
        {
            return (null, RawBody.TooLarge(limit));
        }

        if (!(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as JSON with 'Content-Type: application/json'."));
        }

        var body = await RawBody.ReadUpToAsync(request, limit);
        if (body is null)
        {
            return (null, RawBody.TooLarge(limit));
        }

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
                $"The body is not valid JSON for this endpoint{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."));
        }
    }
}
