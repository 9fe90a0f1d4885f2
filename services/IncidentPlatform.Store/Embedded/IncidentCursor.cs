using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IncidentPlatform.Store.Embedded;

/// <summary>The opaque paging cursor: base64url of <c>v1:&lt;UpdatedAt UTC ticks&gt;:&lt;id&gt;</c> of the last item returned.</summary>
internal static class IncidentCursor
{
    private const string Version = "v1:";

    public static string Encode(IncidentKey key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            Version + key.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + key.Id));

    /// <exception cref="ArgumentException">The text is not a cursor this store issued.</exception>
    public static IncidentKey Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf(':', Version.Length);
            if (text.StartsWith(Version, StringComparison.Ordinal) && separator > 0 && separator < text.Length - 1 &&
                long.TryParse(text.AsSpan(Version.Length, separator - Version.Length), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var ticks))
            {
                return new IncidentKey(ticks, text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other malformed cursor.
        }

        throw new ArgumentException("The cursor is not one that this store issued.", nameof(cursor));
    }
}
