namespace IncidentPlatform.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AppendAsync_Entries_GetConsecutivePositionsAndReadBack()
    {
        var stream = TestData.NewId("audit");

        var positions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            positions.Add(await Logs.AppendAsync(stream, $$"""{"n":{{i}}}"""));
        }

        positions.ShouldBe([0L, 1, 2, 3, 4]);
        (await Logs.LengthAsync(stream)).ShouldBe(5);
        (await Logs.ReadAsync(stream, 1, 2)).ShouldBe(["""{"n":1}""", """{"n":2}"""]);
        (await Logs.ReadAsync(stream, 3, 100)).ShouldBe(["""{"n":3}""", """{"n":4}"""]);
        (await Logs.ReadAsync(stream, 5, 10)).ShouldBeEmpty();
        (await Logs.LengthAsync(TestData.NewId("audit"))).ShouldBe(0);
        (await Logs.ReadAsync(TestData.NewId("audit"), 0, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppendAsync_ParallelAppends_GetDistinctPositionsOfTheirEntries()
    {
        var stream = TestData.NewId("audit");

        var positions = await InParallel(100, i => Logs.AppendAsync(stream, "entry " + i));

        positions.Order().ShouldBe(Enumerable.Range(0, 100).Select(i => (long)i));
        var entries = await Logs.ReadAsync(stream, 0, 200);
        for (var i = 0; i < 100; i++)
        {
            entries[(int)positions[i]].ShouldBe("entry " + i);
        }
    }

    [Fact]
    public async Task TryAppendAsync_WrongExpectedLength_AppendsNothing()
    {
        var stream = TestData.NewId("audit");
        await Logs.AppendAsync(stream, "first");

        (await Logs.TryAppendAsync(stream, "stale", 0)).ShouldBeNull();
        (await Logs.TryAppendAsync(stream, "ahead", 2)).ShouldBeNull();
        (await Logs.TryAppendAsync(stream, "second", 1)).ShouldBe(1);

        (await Logs.ReadAsync(stream, 0, 10)).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task TryAppendAsync_ParallelChainWriters_LeaveNoGapsAndNoDuplicates()
    {
        var stream = TestData.NewId("audit");
        const int Writers = 8;
        const int PerWriter = 25;

        var claimed = await InParallel(Writers, async writer =>
        {
            var positions = new List<long>();
            for (var n = 0; n < PerWriter; n++)
            {
                while (true)
                {
                    var length = await Logs.LengthAsync(stream);
                    if (await Logs.TryAppendAsync(stream, $"{writer}:{n}", length) is { } position)
                    {
                        position.ShouldBe(length);
                        positions.Add(position);
                        break;
                    }
                }
            }

            return positions;
        });

        var entries = await Logs.ReadAsync(stream, 0, 1000);
        entries.Count.ShouldBe(Writers * PerWriter);
        entries.ShouldBeUnique();
        claimed.SelectMany(p => p).Order().ShouldBe(Enumerable.Range(0, Writers * PerWriter).Select(i => (long)i));
        for (var writer = 0; writer < Writers; writer++)
        {
            var prefix = writer + ":";
            entries.Where(e => e.StartsWith(prefix, StringComparison.Ordinal))
                .ShouldBe(Enumerable.Range(0, PerWriter).Select(n => prefix + n));
            claimed[writer].Select(p => entries[(int)p]).ShouldBe(Enumerable.Range(0, PerWriter).Select(n => prefix + n));
        }
    }
}
