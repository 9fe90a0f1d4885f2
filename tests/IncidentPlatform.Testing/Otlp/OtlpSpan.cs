namespace IncidentPlatform.Testing.Otlp;

/// <summary>One span as exported over OTLP: who sent it (the resource's <c>service.name</c>), from which
/// ActivitySource (the instrumentation scope), and its place in its trace.</summary>
/// <param name="Service">The resource attribute <c>service.name</c>.</param>
/// <param name="Scope">The instrumentation scope, e.g. <c>MassTransit</c> or <c>incidentplatform.detector</c>.</param>
/// <param name="Name">The span name, e.g. <c>analysis-incident-opened process</c>.</param>
/// <param name="TraceId">The trace id, 32 lowercase hex digits.</param>
/// <param name="SpanId">The span id, 16 lowercase hex digits.</param>
/// <param name="ParentSpanId">The parent's span id, or null for a root span.</param>
/// <param name="Attributes">The span's attributes, as text.</param>
public sealed record OtlpSpan(
    string Service, string Scope, string Name, string TraceId, string SpanId, string? ParentSpanId,
    IReadOnlyDictionary<string, string> Attributes);
