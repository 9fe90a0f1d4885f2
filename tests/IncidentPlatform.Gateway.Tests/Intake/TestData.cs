using System.IO.Compression;
using System.Text;

namespace IncidentPlatform.Gateway.Tests.Intake;

/// <summary>The vendor payloads in <c>Intake/TestData</c> (see its README), and ways to wrap them as senders do.</summary>
internal static class TestData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Intake", "TestData", name));

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>A gzip stream that inflates to <paramref name="bytes"/> zeros (a gzip bomb, small on the wire).</summary>
    public static byte[] GzipOfZeros(long bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
