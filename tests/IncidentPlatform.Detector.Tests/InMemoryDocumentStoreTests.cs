namespace IncidentPlatform.Detector.Tests;

public sealed class InMemoryDocumentStoreTests
{
    [Fact]
    public async Task TryPutAsync_VersionSequence_FollowsTheInterfaceContract()
    {
        var store = new InMemoryDocumentStore();

        (await store.TryPutAsync("c", "a", "{}", expectedVersion: 1)).ShouldBeNull();
        (await store.TryPutAsync("c", "a", "{}", expectedVersion: 0)).ShouldBe(1);
        (await store.TryPutAsync("c", "a", "{}", expectedVersion: 0)).ShouldBeNull();
        (await store.TryPutAsync("c", "a", "{\"x\":1}", expectedVersion: 1)).ShouldBe(2);
        (await store.GetAsync("c", "a"))!.Json.ShouldBe("{\"x\":1}");
        (await store.DeleteAsync("c", "a")).ShouldBeTrue();
        (await store.GetAsync("c", "a")).ShouldBeNull();
        (await store.TryPutAsync("c", "a", "{}", expectedVersion: 0)).ShouldBe(1);
    }
}
