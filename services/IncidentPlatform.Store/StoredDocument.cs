namespace IncidentPlatform.Store;

/// <summary>A stored document with its version.</summary>
/// <param name="Id">The id within its collection.</param>
/// <param name="Json">The JSON text.</param>
/// <param name="Version">1 when created, +1 on every write.</param>
/// <param name="Owner">The owning incident id, if any.</param>
public sealed record StoredDocument(string Id, string Json, long Version, string? Owner);
