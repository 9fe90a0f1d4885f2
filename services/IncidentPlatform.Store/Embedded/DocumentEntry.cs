namespace IncidentPlatform.Store.Embedded;

/// <summary>A stored document; <paramref name="Sequence"/> orders a collection by creation.</summary>
internal sealed record DocumentEntry(string Id, string Json, long Version, string? Owner, long Sequence)
{
    public StoredDocument ToStored() => new(Id, Json, Version, Owner);
}
