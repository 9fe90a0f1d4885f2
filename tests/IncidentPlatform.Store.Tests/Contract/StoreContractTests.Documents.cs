namespace IncidentPlatform.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task TryPutAsync_NewDocument_StoresVersionOne()
    {
        var id = TestData.NewId("doc");

        (await Documents.TryPutAsync("remediations", id, """{"a":1}""", 0, "inc-1")).ShouldBe(1);

        (await Documents.GetAsync("remediations", id)).ShouldBe(new StoredDocument(id, """{"a":1}""", 1, "inc-1"));
    }

    [Fact]
    public async Task TryPutAsync_ExistingDocumentExpectedNew_ReturnsNull()
    {
        var id = TestData.NewId("doc");
        await Documents.TryPutAsync("remediations", id, """{"a":1}""", 0);

        (await Documents.TryPutAsync("remediations", id, """{"a":2}""", 0)).ShouldBeNull();

        (await Documents.GetAsync("remediations", id)).ShouldNotBeNull().Json.ShouldBe("""{"a":1}""");
    }

    [Fact]
    public async Task TryPutAsync_CurrentVersion_StoresNextAndStaleVersionIsRefused()
    {
        var id = TestData.NewId("doc");
        await Documents.TryPutAsync("remediations", id, """{"a":1}""", 0);

        (await Documents.TryPutAsync("remediations", id, """{"a":2}""", 1)).ShouldBe(2);
        (await Documents.TryPutAsync("remediations", id, """{"a":3}""", 1)).ShouldBeNull();
        (await Documents.TryPutAsync("remediations", id, """{"a":3}""", 5)).ShouldBeNull();

        (await Documents.GetAsync("remediations", id)).ShouldBe(new StoredDocument(id, """{"a":2}""", 2, null));
    }

    [Fact]
    public async Task TryPutAsync_ParallelWritersOnOneVersion_OneWins()
    {
        var id = TestData.NewId("doc");
        await Documents.TryPutAsync("remediations", id, "{}", 0);

        var results = await InParallel(20, i => Documents.TryPutAsync("remediations", id, $$"""{"writer":{{i}}}""", 1));

        var winner = results.Select((version, writer) => (version, writer)).Where(r => r.version is not null).ShouldHaveSingleItem();
        winner.version.ShouldBe(2);
        (await Documents.GetAsync("remediations", id)).ShouldNotBeNull().Json.ShouldBe($$"""{"writer":{{winner.writer}}}""");
    }

    [Fact]
    public async Task TryPutAsync_UpdateWithoutOwner_KeepsTheOwner()
    {
        var id = TestData.NewId("doc");
        await Documents.TryPutAsync("remediations", id, "{}", 0, "inc-1");

        await Documents.TryPutAsync("remediations", id, """{"b":1}""", 1);

        (await Documents.GetAsync("remediations", id)).ShouldNotBeNull().Owner.ShouldBe("inc-1");
        (await Documents.ListAsync("remediations", "inc-1")).ShouldHaveSingleItem().Version.ShouldBe(2);
    }

    [Fact]
    public async Task ListAsync_CollectionAndOwner_ReturnsTheirDocumentsOldestFirst()
    {
        var collection = TestData.NewId("col");
        await Documents.TryPutAsync(collection, "d1", "{}", 0, "inc-a");
        await Documents.TryPutAsync(collection, "d2", "{}", 0, "inc-b");
        await Documents.TryPutAsync(collection, "d3", "{}", 0, "inc-a");
        await Documents.TryPutAsync(collection, "d4", "{}", 0);
        await Documents.TryPutAsync(collection, "d1", """{"updated":true}""", 1);
        await Documents.TryPutAsync(TestData.NewId("col"), "d5", "{}", 0, "inc-a");

        (await Documents.ListAsync(collection)).Select(d => d.Id).ShouldBe(["d1", "d2", "d3", "d4"]);
        (await Documents.ListAsync(collection, "inc-a")).Select(d => d.Id).ShouldBe(["d1", "d3"]);
        (await Documents.ListAsync(collection, limit: 2)).Select(d => d.Id).ShouldBe(["d1", "d2"]);
        (await Documents.ListAsync(collection, "inc-c")).ShouldBeEmpty();
        (await Documents.ListAsync(TestData.NewId("col"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_ExistingDocument_RemovesItAndAllowsANewOne()
    {
        var collection = TestData.NewId("col");
        await Documents.TryPutAsync(collection, "d1", "{}", 0, "inc-a");
        await Documents.TryPutAsync(collection, "d1", "{}", 1);
        await Documents.TryPutAsync(collection, "d2", "{}", 0, "inc-a");

        (await Documents.DeleteAsync(collection, "d1")).ShouldBeTrue();
        (await Documents.DeleteAsync(collection, "d1")).ShouldBeFalse();
        (await Documents.GetAsync(collection, "d1")).ShouldBeNull();
        (await Documents.TryPutAsync(collection, "d1", "{}", 2)).ShouldBeNull();
        (await Documents.TryPutAsync(collection, "d1", """{"new":true}""", 0, "inc-a")).ShouldBe(1);

        (await Documents.ListAsync(collection, "inc-a")).Select(d => d.Id).ShouldBe(["d2", "d1"]);
    }

    [Fact]
    public async Task DeleteAsync_OwningIncident_LeavesItsDocuments()
    {
        var incident = await Open(TestData.Incident());
        var id = TestData.NewId("doc");
        await Documents.TryPutAsync("remediations", id, "{}", 0, incident.Id);

        await Incidents.DeleteAsync(incident.Id);

        (await Documents.ListAsync("remediations", incident.Id)).ShouldHaveSingleItem().Id.ShouldBe(id);
    }

    [Fact]
    public async Task GetAsync_UnknownDocument_ReturnsNull()
    {
        (await Documents.GetAsync("remediations", TestData.NewId("doc"))).ShouldBeNull();
    }
}
