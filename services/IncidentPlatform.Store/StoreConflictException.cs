namespace IncidentPlatform.Store;

/// <summary>A read–modify–write found its record changed by another writer on every one of its attempts.</summary>
/// <param name="message">What kept changing.</param>
public sealed class StoreConflictException(string message) : InvalidOperationException(message);
