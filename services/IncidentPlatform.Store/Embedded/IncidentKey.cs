using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// An incident's place in the listing order: newest <see cref="Incident.UpdatedAt"/> first, then id descending
/// (ordinal). A null id is a bound that sorts before every id of the same time.
/// </summary>
internal readonly record struct IncidentKey(long Ticks, string? Id)
{
    public static IComparer<IncidentKey> NewestFirst { get; } = Comparer<IncidentKey>.Create(Compare);

    public static IncidentKey Of(Incident incident) => new(incident.UpdatedAt.UtcTicks, incident.Id);

    public static int Compare(IncidentKey x, IncidentKey y)
    {
        var byTime = y.Ticks.CompareTo(x.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        if (x.Id is null || y.Id is null)
        {
            return (x.Id is null ? 0 : 1) - (y.Id is null ? 0 : 1);
        }

        return string.CompareOrdinal(y.Id, x.Id);
    }
}
