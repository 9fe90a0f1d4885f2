namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>An argument is missing or invalid; the message tells the model what to send instead.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
