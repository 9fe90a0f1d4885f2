using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListAsync_NoFilter_ReturnsNewestUpdateFirstWithTiesByIdDescending()
    {
        var incidents = await Seed();

        var listed = await ListAll(new IncidentQuery { PageSize = 4 });

        listed.ShouldBe(Ordered(incidents));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("service")]
    [InlineData("min-severity")]
    [InlineData("since")]
    [InlineData("until")]
    [InlineData("since-until")]
    [InlineData("text-title")]
    [InlineData("text-service")]
    [InlineData("text-id")]
    [InlineData("combined")]
    public async Task ListAsync_Filter_ReturnsExactlyTheMatchingIncidents(string filter)
    {
        var incidents = await Seed();
        var (query, matches) = filter switch
        {
            "status" => (new IncidentQuery { Status = IncidentStatus.Acknowledged },
                (Func<Incident, bool>)(i => i.Status == IncidentStatus.Acknowledged)),
            "service" => (new IncidentQuery { Service = "search" }, i => i.Service == "search"),
            "min-severity" => (new IncidentQuery { MinSeverity = Severity.High }, i => i.Severity >= Severity.High),
            "since" => (new IncidentQuery { Since = TestData.T0.AddMinutes(5) }, i => i.UpdatedAt >= TestData.T0.AddMinutes(5)),
            "until" => (new IncidentQuery { Until = TestData.T0.AddMinutes(5) }, i => i.UpdatedAt < TestData.T0.AddMinutes(5)),
            "since-until" => (new IncidentQuery { Since = TestData.T0.AddMinutes(3), Until = TestData.T0.AddMinutes(9) },
                i => i.UpdatedAt >= TestData.T0.AddMinutes(3) && i.UpdatedAt < TestData.T0.AddMinutes(9)),
            "text-title" => (new IncidentQuery { Text = "DISK" }, i => i.Title.Contains("disk", StringComparison.OrdinalIgnoreCase)),
            "text-service" => (new IncidentQuery { Text = "Searc" }, i => i.Service == "search"),
            "text-id" => (new IncidentQuery { Text = incidents[4].Id.ToUpperInvariant() }, i => i.Id == incidents[4].Id),
            "combined" => (new IncidentQuery
                {
                    Status = IncidentStatus.Open, Service = "checkout", MinSeverity = Severity.Medium,
                    Since = TestData.T0.AddMinutes(1), Until = TestData.T0.AddMinutes(11), Text = "timeouts",
                },
                i => i.Status == IncidentStatus.Open && i.Service == "checkout" && i.Severity >= Severity.Medium &&
                     i.UpdatedAt >= TestData.T0.AddMinutes(1) && i.UpdatedAt < TestData.T0.AddMinutes(11) &&
                     i.Title.Contains("timeouts", StringComparison.OrdinalIgnoreCase)),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
        var expected = Ordered(incidents.Where(matches));
        expected.ShouldNotBeEmpty();
        expected.Count.ShouldBeLessThan(incidents.Count);

        var listed = await ListAll(query with { PageSize = 2 });

        listed.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(7, 7)]
    [InlineData(1000, 500)]
    public async Task ListAsync_PageSize_IsClampedFromOneTo500(int pageSize, int expected)
    {
        await InParallel(501, i => Incidents.FindOrOpenAsync("fp-" + i, TestData.Incident(fingerprint: "fp-" + i,
            updatedAt: TestData.T0.AddSeconds(i))));

        var page = await Incidents.ListAsync(new IncidentQuery { PageSize = pageSize });

        page.Items.Count.ShouldBe(expected);
        page.NextCursor.ShouldNotBeNull();
    }

    [Fact]
    public async Task ListAsync_PagingWhileIncidentsChange_ReturnsEveryIncidentOnce()
    {
        var incidents = await Seed();
        var seen = new List<string>();
        var newest = TestData.T0.AddHours(1);
        var page = await Incidents.ListAsync(new IncidentQuery { PageSize = 3 });
        while (true)
        {
            seen.AddRange(page.Items.Select(i => i.Id));
            if (page.NextCursor is null)
            {
                break;
            }

            // Move an incident already seen to the front, open a new one, and change an unseen one in place.
            newest = newest.AddMinutes(1);
            await Incidents.UpdateAsync(seen[^1], i => i with { UpdatedAt = newest, Title = "moved" });
            await Open(TestData.Incident(updatedAt: newest));
            var unseen = incidents.Select(i => i.Id).FirstOrDefault(id => !seen.Contains(id));
            if (unseen is not null)
            {
                await Incidents.UpdateAsync(unseen, i => i with { Title = "changed in place" });
            }

            page = await Incidents.ListAsync(new IncidentQuery { PageSize = 3, Cursor = page.NextCursor });
        }

        seen.ShouldBeUnique();
        seen.Order(StringComparer.Ordinal).ShouldBe(incidents.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_LastPage_HasNoCursor()
    {
        await Seed();

        var page = await Incidents.ListAsync(new IncidentQuery { PageSize = 500 });

        page.Items.Count.ShouldBe(12);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_ForeignCursor_ThrowsArgumentException()
    {
        await Seed();

        await Should.ThrowAsync<ArgumentException>(() => Incidents.ListAsync(new IncidentQuery { Cursor = "not a cursor!" }));
    }

    /// <summary>
    /// Twelve incidents a minute apart (two sharing a time), across statuses, services, severities and titles.
    /// </summary>
    private async Task<List<Incident>> Seed()
    {
        var services = new[] { "checkout", "search", null };
        var severities = new[] { Severity.Low, Severity.Medium, Severity.High, Severity.Critical };
        var statuses = new[] { IncidentStatus.Open, IncidentStatus.Open, IncidentStatus.Acknowledged, IncidentStatus.Resolved };
        var seeded = new List<Incident>();
        for (var i = 0; i < 12; i++)
        {
            var minute = i == 11 ? 10 : i;
            var title = i % 5 == 0 ? $"Disk full on node {i}" : $"Connection timeouts #{i}";
            seeded.Add(await Open(TestData.Incident(
                updatedAt: TestData.T0.AddMinutes(minute), status: statuses[i % 4], severity: severities[i % 4],
                service: services[i % 3], title: title)));
        }

        return seeded;
    }

    private static List<string> Ordered(IEnumerable<Incident> incidents) =>
    [
        .. incidents.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).Select(i => i.Id),
    ];

    private async Task<List<string>> ListAll(IncidentQuery query)
    {
        var ids = new List<string>();
        for (var page = await Incidents.ListAsync(query); ; page = await Incidents.ListAsync(query with { Cursor = page.NextCursor }))
        {
            page.Items.Count.ShouldBeLessThanOrEqualTo(query.PageSize);
            ids.AddRange(page.Items.Select(i => i.Id));
            if (page.NextCursor is null)
            {
                return ids;
            }
        }
    }
}
