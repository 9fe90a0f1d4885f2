namespace IncidentPlatform.Gateway.Webhooks;

/// <summary>Reads a request body as bytes, up to a limit (signatures are computed over the exact bytes sent).</summary>
internal static class RawBody
{
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? (null, Problems.Result(StatusCodes.Status400BadRequest, "Empty body", "The request has no body."))
            : (buffer.ToArray(), null);
    }

    public static IResult TooLarge(long limit) => Problems.Result(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The body is larger than {limit / 1024} KiB.");
}
