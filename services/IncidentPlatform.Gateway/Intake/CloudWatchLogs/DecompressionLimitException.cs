namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>Decompressing a request would exceed its byte budget.</summary>
internal sealed class DecompressionLimitException(long budget)
    : Exception($"The body decompresses to more than {budget / (1024 * 1024)} MiB.");
