namespace IncidentPlatform.ServiceDefaults.Configuration;

/// <summary>
/// A required configuration value is missing or malformed. The message names the key and says what is expected,
/// so a service that fails to start tells its operator exactly what to fix.
/// </summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
