namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class IdsTests
{
    [Fact]
    public void New_LaterTime_SortsAfter()
    {
        var earlier = Ids.New("inc", new FixedTime(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero)));
        var later = Ids.New("inc", new FixedTime(new DateTimeOffset(2026, 11, 21, 8, 0, 0, 1, TimeSpan.Zero)));

        string.CompareOrdinal(earlier, later).ShouldBeLessThan(0);
        earlier.ShouldMatch("^inc-[0-9a-hjkmnp-tv-z]{26}$");
    }

    [Fact]
    public void New_SameMillisecond_GivesDistinctIds()
    {
        var time = new FixedTime(DateTimeOffset.UnixEpoch);

        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New("alt", time)).ToHashSet();

        ids.Count.ShouldBe(1000);
    }

    [Fact]
    public void FromKey_SameKey_SameIdAndDifferentKeyDifferentId()
    {
        Ids.FromKey("alt", "nagios\n42").ShouldBe(Ids.FromKey("alt", "nagios\n42"));
        Ids.FromKey("alt", "nagios\n42").ShouldNotBe(Ids.FromKey("alt", "nagios\n43"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
