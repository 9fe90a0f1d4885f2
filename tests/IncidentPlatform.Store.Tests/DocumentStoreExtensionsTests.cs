using System.Text.Json.Nodes;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Store.Tests;

/// <summary>The compare-and-set update of a document, on the real embedded store.</summary>
public sealed class DocumentStoreExtensionsTests : IAsyncLifetime
{
    private TestStore? _store;

    private IDocumentStore Documents => _store!.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync() => _store = await TestStore.EmbeddedAsync();

    public async ValueTask DisposeAsync() => await _store!.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_NoDocument_CreatesItWithTheOwner()
    {
        var update = await Documents.UpdateAsync("things", "a", current => current is null ? """{"n":1}""" : null, "inc-1");

        update.ShouldBe(new DocumentUpdate(new StoredDocument("a", """{"n":1}""", 1, "inc-1"), Written: true));
        (await Documents.GetAsync("things", "a")).ShouldBe(update.Document);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsNull_WritesNothingAndReturnsTheDocument()
    {
        await Documents.TryPutAsync("things", "a", """{"n":1}""", 0, "inc-1");

        var update = await Documents.UpdateAsync("things", "a", _ => null);

        update.ShouldBe(new DocumentUpdate(new StoredDocument("a", """{"n":1}""", 1, "inc-1"), Written: false));
        (await Documents.UpdateAsync("things", "missing", _ => null)).ShouldBe(new DocumentUpdate(null, Written: false));
    }

    [Fact]
    public async Task UpdateAsync_WithoutOwner_KeepsTheOwner()
    {
        await Documents.TryPutAsync("things", "a", """{"n":1}""", 0, "inc-1");

        var update = await Documents.UpdateAsync("things", "a", _ => """{"n":2}""");

        update.Document.ShouldBe(new StoredDocument("a", """{"n":2}""", 2, "inc-1"));
        (await Documents.GetAsync("things", "a")).ShouldBe(update.Document);
    }

    [Fact]
    public async Task UpdateAsync_ManyConcurrentWriters_LoseNoUpdate()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Documents.UpdateAsync("things", "counter", Increment))));

        var stored = (await Documents.GetAsync("things", "counter")).ShouldNotBeNull();
        JsonNode.Parse(stored.Json)!["n"]!.GetValue<int>().ShouldBe(40);
        stored.Version.ShouldBe(40);
    }

    [Fact]
    public async Task UpdateAsync_AnotherWriterAlwaysFirst_GivesUpNamingTheDocument()
    {
        var competing = new AlwaysBeaten(Documents);

        var error = await Should.ThrowAsync<StoreConflictException>(() => competing.UpdateAsync("things", "hot", Increment));

        error.Message.ShouldBe("Document things/hot kept changing under 100 update attempts.");
        competing.Attempts.ShouldBe(100);
        (await Documents.GetAsync("things", "hot")).ShouldNotBeNull().Version.ShouldBe(100); // only the competitor's writes
    }

    private static string Increment(StoredDocument? current) =>
        new JsonObject { ["n"] = (current is null ? 0 : JsonNode.Parse(current.Json)!["n"]!.GetValue<int>()) + 1 }.ToJsonString();

    // The real store, where another writer's write lands just before each of ours.
    private sealed class AlwaysBeaten(IDocumentStore inner) : IDocumentStore
    {
        public int Attempts { get; private set; }

        public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
            inner.GetAsync(collection, id, cancellationToken);

        public async Task<long?> TryPutAsync(
            string collection, string id, string json, long expectedVersion, string? owner = null, CancellationToken cancellationToken = default)
        {
            Attempts++;
            (await inner.TryPutAsync(collection, id, """{"n":-1}""", expectedVersion, owner, cancellationToken)).ShouldNotBeNull();
            return await inner.TryPutAsync(collection, id, json, expectedVersion, owner, cancellationToken);
        }

        public Task<IReadOnlyList<StoredDocument>> ListAsync(
            string collection, string? owner = null, int limit = 1000, CancellationToken cancellationToken = default) =>
            inner.ListAsync(collection, owner, limit, cancellationToken);

        public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(collection, id, cancellationToken);
    }
}
