namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>An argument is missing or invalid; the message tells the model what to send instead.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message)
{
    /// <summary>The trimmed text of an argument that an action needs.</summary>
    public static string Required(string? value, string name) =>
        Optional(value) ?? throw new ToolArgumentException($"'{name}' is required.");

    /// <summary>The trimmed text, or null when absent or blank.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
