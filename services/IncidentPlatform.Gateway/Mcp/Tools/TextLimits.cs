namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>Bounds long text (alert messages, log lines, rendered notifications) with a visible marker.</summary>
internal static class TextLimits
{
    /// <summary>What follows a cut (and how many characters were left out).</summary>
    public const string Marker = "…[truncated ";

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}{Marker}{text.Length - max} more characters]";

    public static string? TruncateOrNull(string? text, int max) => text is null ? null : Truncate(text, max);
}
