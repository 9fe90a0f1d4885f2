namespace IncidentPlatform.Store;

/// <summary>The result of <see cref="DocumentStoreExtensions.UpdateAsync"/>.</summary>
/// <param name="Document">The document as written, or as it is when nothing was written (null: there is none).</param>
/// <param name="Written">True when this update wrote it.</param>
public sealed record DocumentUpdate(StoredDocument? Document, bool Written);
