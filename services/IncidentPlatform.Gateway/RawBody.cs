namespace IncidentPlatform.Gateway;

/// <summary>Reads a request body as bytes, up to a limit (signatures are computed over the exact bytes sent).</summary>
internal static class RawBody
{
    /// <summary>The body, which must not be empty, or a problem (413 past the limit, 400 when empty).</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, int limit)
    {
        var body = await ReadUpToAsync(request, limit);
        return body switch
        {
            null => (null, TooLarge(limit)),
            { Length: 0 } => (null, Problems.Result(StatusCodes.Status400BadRequest, "Empty body", "The request has no body.")),
            _ => (body, null),
        };
    }

    /// <summary>The body, possibly empty, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadUpToAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge(long limit) => Problems.Result(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The body is larger than {limit / 1024} KiB.");
}
