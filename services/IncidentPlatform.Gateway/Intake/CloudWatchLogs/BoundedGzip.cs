using System.IO.Compression;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>Gzip decompression that stops once a byte budget shared by the whole request is spent (a gzip bomb).</summary>
internal sealed class BoundedGzip(long budget)
{
    private long _left = budget;

    public long Budget { get; } = budget;

    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    /// <exception cref="DecompressionLimitException">The budget ran out.</exception>
    /// <exception cref="InvalidDataException">The data is not valid gzip.</exception>
    public byte[] Decompress(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            _left -= read;
            if (_left < 0)
            {
                throw new DecompressionLimitException(Budget);
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
