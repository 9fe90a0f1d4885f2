namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>Bounds long text (alert messages, log lines, rendered notifications) with a visible marker.</summary>
internal static class TextLimits
{
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}…[truncated {text.Length - max} more characters]";

    public static string? TruncateOrNull(string? text, int max) => text is null ? null : Truncate(text, max);
}
