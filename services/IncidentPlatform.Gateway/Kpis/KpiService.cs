using IncidentPlatform.Gateway.Deliveries;
using IncidentPlatform.Gateway.Remediations;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>
/// Computes <see cref="KpiReport"/>s from the store. Cost is bounded: it reads only incidents updated since the window's
/// start (every incident opened or resolved in it was), newest first and at most <see cref="KpiOptions.MaxIncidents"/>,
/// each with its timeline, remediations and delivery log; and what it read is reused for <see cref="KpiOptions.CacheFor"/>
/// by every request whose window starts no earlier (so the overview's 24 h, 7 d and 30 d share one read).
/// </summary>
internal sealed class KpiService(
    IIncidentStore incidents, IDocumentStore documents, IAppendLog log, ILoggerFactory loggers,
    IOptions<KpiOptions> options, TimeProvider time)
{
    private const int PerIncidentLimit = 1000;
    private readonly RemediationReader _remediations = new(documents, loggers.CreateLogger<RemediationReader>());
    private readonly DeliveryLogReader _deliveries = new(log, loggers.CreateLogger<DeliveryLogReader>());
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Reading? _last;

    /// <summary>The KPIs of <c>[from, to)</c> for <paramref name="service"/> (null: all).</summary>
    public async Task<KpiReport> ComputeAsync(DateTimeOffset from, DateTimeOffset to, string? service, CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(from, cancellationToken);
        return KpiCalculator.Compute(reading.Facts, from, to, service, reading.Truncated);
    }

    /// <summary>The operations report (<see cref="KpiMarkdown"/>) of <paramref name="windows"/>; the earlier window is read first, so one read serves both when it can.</summary>
    public async Task<string> MarkdownAsync(KpiPeriods.Windows windows, string? service, CancellationToken cancellationToken)
    {
        var earlier = windows.CompareFrom <= windows.From;
        var first = await ComputeAsync(earlier ? windows.CompareFrom : windows.From, earlier ? windows.CompareTo : windows.To, service, cancellationToken);
        var second = await ComputeAsync(earlier ? windows.From : windows.CompareFrom, earlier ? windows.To : windows.CompareTo, service, cancellationToken);
        return earlier ? KpiMarkdown.Report(second, first) : KpiMarkdown.Report(first, second);
    }

    private async Task<Reading> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && last.Since <= since && now - last.At < options.Value.CacheFor)
            {
                return last;
            }

            // One read serves every later window that starts after it: read from a whole hour back.
            var start = new DateTimeOffset(since.UtcTicks - (since.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            _last = await LoadAsync(start, now, cancellationToken);
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Reading> LoadAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxIncidents;
        var facts = new List<KpiFacts>();
        string? cursor = null;
        do
        {
            var page = await incidents.ListAsync(new IncidentQuery { Since = since, PageSize = 500, Cursor = cursor }, cancellationToken);
            var take = page.Items.Take(max - facts.Count);
            facts.AddRange(await Task.WhenAll(take.Select(async incident => new KpiFacts(
                incident,
                await incidents.GetTimelineAsync(incident.Id, 0, PerIncidentLimit, cancellationToken),
                await _remediations.ListAsync(incident.Id, cancellationToken),
                (await _deliveries.ReadAsync(incident.Id, 0, PerIncidentLimit, cancellationToken)).Items))));
            cursor = page.NextCursor;
        }
        while (cursor is not null && facts.Count < max);

        return new Reading(since, now, facts, cursor is not null);
    }

    private sealed record Reading(DateTimeOffset Since, DateTimeOffset At, IReadOnlyList<KpiFacts> Facts, bool Truncated);
}
