namespace IncidentPlatform.Gateway;

/// <summary>
/// Reads a request body as bytes, up to a limit, once per request: signatures are computed over the exact bytes sent,
/// and an endpoint gets the very bytes its webhook authentication verified.
/// </summary>
internal static class RawBody
{
    /// <summary>The body (empty only when <paramref name="allowEmpty"/>), or a problem: 413 past the limit, 400 when empty.</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, int limit, bool allowEmpty = false)
    {
        var body = await ReadUpToAsync(request, limit);
        return body switch
        {
            null => (null, TooLarge(limit)),
            { Length: 0 } when !allowEmpty => (null, Problems.Result(StatusCodes.Status400BadRequest, "Empty body", "The request has no body.")),
            _ => (body, null),
        };
    }

    public static IResult TooLarge(long limit) => Problems.Result(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The body is larger than {limit / 1024} KiB.");

    // Null when the body is larger than the limit. The bytes are kept on the request, so a second read (the endpoint after
    // its authentication) gets the same bytes without touching the stream again.
    private static async Task<byte[]?> ReadUpToAsync(HttpRequest request, int limit)
    {
        if (request.HttpContext.Features.Get<ReadBody>() is { } read)
        {
            return read.Bytes is { } bytes && bytes.Length <= limit ? bytes : null;
        }

        var body = request.ContentLength > limit ? null : await CopyAsync(request, limit);
        request.HttpContext.Features.Set(new ReadBody(body));
        return body;
    }

    private static async Task<byte[]?> CopyAsync(HttpRequest request, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + count > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    private sealed record ReadBody(byte[]? Bytes);
}
