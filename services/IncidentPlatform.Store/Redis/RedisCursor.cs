using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The Redis store's opaque paging cursor: base64url of <c>r1:&lt;UpdatedAt Unix ms&gt;:&lt;id&gt;</c>, a place in the
/// listing order (the last item returned, or the last index entry examined when a page came back short).
/// </summary>
internal static class RedisCursor
{
    private const string Version = "r1:";

    public static string Encode(long milliseconds, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            Version + milliseconds.ToString(CultureInfo.InvariantCulture) + ":" + id));

    /// <exception cref="ArgumentException">The text is not a cursor this store issued.</exception>
    public static (long Milliseconds, string Id) Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf(':', Version.Length);
            if (text.StartsWith(Version, StringComparison.Ordinal) && separator > Version.Length &&
                separator < text.Length - 1 &&
                long.TryParse(text.AsSpan(Version.Length, separator - Version.Length), NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture, out var milliseconds))
            {
                return (milliseconds, text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other malformed cursor.
        }

        throw new ArgumentException("The cursor is not one that this store issued.", nameof(cursor));
    }
}
