namespace IncidentPlatform.Gateway.Silences;

/// <summary>One matcher: a label (or <c>service</c>, <c>source</c>, <c>severity</c>, <c>title</c>) and a value or an
/// anchored regular expression, optionally negated.</summary>
internal sealed record SilenceMatcherRequest(string? Name, string? Value, bool? IsRegex, bool? IsNegative);
