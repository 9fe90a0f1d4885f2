using IncidentPlatform.Detector.LogTemplates;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class TemplateStateRepositoryTests
{
    [Fact]
    public async Task LoadAsync_NothingStored_ReturnsEmptyMinerAtVersionZero()
    {
        var repository = new TemplateStateRepository(new InMemoryDocumentStore());

        var loaded = await repository.LoadAsync("app-1");

        loaded.Version.ShouldBe(0);
        loaded.Miner.Clusters.ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_RestoresIdsForSameLines()
    {
        var store = new InMemoryDocumentStore();
        var repository = new TemplateStateRepository(store);
        var loaded = await repository.LoadAsync("app-1");
        var id = loaded.Miner.Add("disk 3 of node-7 is 91% full").TemplateId;

        var version = await repository.SaveAsync("app-1", loaded.Miner, loaded.Version);
        var restarted = await repository.LoadAsync("app-1");

        version.ShouldBe(1);
        restarted.Version.ShouldBe(1);
        restarted.Miner.Add("disk 4 of node-7 is 97% full").TemplateId.ShouldBe(id);
        (await store.GetAsync(TemplateStateRepository.Collection, "app-1")).ShouldNotBeNull();
    }

    [Fact]
    public async Task SaveAsync_AnotherReplicaSavedFirst_MergesAndKeepsBothTemplates()
    {
        var repository = new TemplateStateRepository(new InMemoryDocumentStore());
        var first = await repository.LoadAsync("app-1");
        var second = await repository.LoadAsync("app-1");
        var firstId = first.Miner.Add("login 1 failed for admin").TemplateId;
        var secondId = second.Miner.Add("cache 2 evicted").TemplateId;

        await repository.SaveAsync("app-1", first.Miner, first.Version);
        var version = await repository.SaveAsync("app-1", second.Miner, second.Version);
        var reloaded = await repository.LoadAsync("app-1");

        version.ShouldBe(2);
        reloaded.Miner.Clusters.Select(c => c.Id).ShouldBe([secondId, firstId], ignoreOrder: true);
        reloaded.Miner.Match("login 8 failed for admin")!.Value.TemplateId.ShouldBe(firstId);
    }

    [Fact]
    public async Task LoadAsync_OlderFormatStored_StartsAfreshAndSavesOverIt()
    {
        var store = new InMemoryDocumentStore();
        var repository = new TemplateStateRepository(store);
        var old = """{"format":1,"depth":2,"clusters":[{"id":"00000000000000aa","tokens":["disk","<NUM>","full"],"route":["disk","<*>"],"size":3}]}""";
        var stored = await store.TryPutAsync(TemplateStateRepository.Collection, "app-1", old, 0);

        var loaded = await repository.LoadAsync("app-1");
        loaded.Miner.Add("disk 4 full");
        var version = await repository.SaveAsync("app-1", loaded.Miner, loaded.Version);

        loaded.Outdated.ShouldBeTrue();
        loaded.Version.ShouldBe(stored!.Value);
        loaded.Miner.Clusters.Single().Id.ShouldNotBe("00000000000000aa");
        version.ShouldBe(stored.Value + 1);
        (await repository.LoadAsync("app-1")).Outdated.ShouldBeFalse();
    }
}
