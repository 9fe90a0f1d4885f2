using System.Globalization;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Budget;

/// <summary>
/// Keeps model use within budget: a slot among <c>Budget:MaxConcurrentCalls</c> in this process, the per-incident
/// token cap, and the hourly and daily spend caps shared by every replica through <see cref="ICounterStore"/> windows
/// (in micro-dollars). A call reserves its worst case (estimated input plus the output limit) before it is made, so
/// concurrent calls cannot overshoot a cap together; the reservation is then settled to what the call really used.
/// </summary>
internal sealed class BudgetGuard : IDisposable
{
    private static readonly TimeSpan IncidentWindow = TimeSpan.FromDays(30);
    private readonly ICounterStore _counters;
    private readonly PriceTable _prices;
    private readonly AnalysisOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;

    public BudgetGuard(ICounterStore counters, PriceTable prices, IOptions<AnalysisOptions> options, TimeProvider time)
    {
        _counters = counters;
        _prices = prices;
        _options = options.Value;
        _time = time;
        _slots = new SemaphoreSlim(_options.Budget.MaxConcurrentCalls, _options.Budget.MaxConcurrentCalls);
    }

    /// <summary>Reserves a model call's worst case; a denied reservation says which cap stopped it.</summary>
    public async Task<BudgetReservation> ReserveAsync(string incidentId, string model, long estimatedInputTokens, CancellationToken cancellationToken)
    {
        var budget = _options.Budget;
        if (!await _slots.WaitAsync(budget.ConcurrencyWait, cancellationToken))
        {
            return BudgetReservation.Denied(string.Create(CultureInfo.InvariantCulture,
                $"concurrency limit: {budget.MaxConcurrentCalls} model calls already in flight for {budget.ConcurrencyWait.TotalSeconds:0.#} s"));
        }

        try
        {
            var now = _time.GetUtcNow();
            var tokens = estimatedInputTokens + _options.MaxOutputTokens;
            var micros = PriceTable.ToMicros(_prices.Cost(model, estimatedInputTokens, _options.MaxOutputTokens));
            var incidentKey = $"analysis:tokens:{incidentId}";
            var hourKey = $"analysis:spend:hour:{now:yyyyMMddHH}";
            var dayKey = $"analysis:spend:day:{now:yyyyMMdd}";

            var used = await _counters.IncrementAsync(incidentKey, tokens, IncidentWindow, cancellationToken);
            if (used > budget.MaxTokensPerIncident)
            {
                await _counters.IncrementAsync(incidentKey, -tokens, IncidentWindow, cancellationToken);
                return Deny(string.Create(CultureInfo.InvariantCulture,
                    $"per-incident token cap: {used - tokens} of {budget.MaxTokensPerIncident} tokens used, a call may take {tokens} more"));
            }

            var hour = await _counters.IncrementAsync(hourKey, micros, TimeSpan.FromHours(1), cancellationToken);
            if (hour > PriceTable.ToMicros(budget.HourlyLimitUsd))
            {
                await Undo((incidentKey, -tokens, IncidentWindow), (hourKey, -micros, TimeSpan.FromHours(1)));
                return Deny(SpendCap("hourly", hour - micros, budget.HourlyLimitUsd));
            }

            var day = await _counters.IncrementAsync(dayKey, micros, TimeSpan.FromDays(1), cancellationToken);
            if (day > PriceTable.ToMicros(budget.DailyLimitUsd))
            {
                await Undo((incidentKey, -tokens, IncidentWindow), (hourKey, -micros, TimeSpan.FromHours(1)), (dayKey, -micros, TimeSpan.FromDays(1)));
                return Deny(SpendCap("daily", day - micros, budget.DailyLimitUsd));
            }

            return new BudgetReservation(this, model, incidentKey, hourKey, dayKey, tokens, micros);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Settles a reservation to the tokens really used (nothing when the call failed) and frees its slot.</summary>
    internal async Task SettleAsync(BudgetReservation reservation, long inputTokens, long outputTokens)
    {
        try
        {
            var micros = inputTokens + outputTokens == 0 ? 0 : PriceTable.ToMicros(_prices.Cost(reservation.Model, inputTokens, outputTokens));
            await Undo(
                (reservation.IncidentKey, inputTokens + outputTokens - reservation.Tokens, IncidentWindow),
                (reservation.HourKey, micros - reservation.Micros, TimeSpan.FromHours(1)),
                (reservation.DayKey, micros - reservation.Micros, TimeSpan.FromDays(1)));
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private BudgetReservation Deny(string reason)
    {
        _slots.Release();
        return BudgetReservation.Denied(reason);
    }

    private static string SpendCap(string which, long spentMicros, decimal limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{which} spend cap: ${spentMicros / 1_000_000m:0.00####} of ${limit:0.00} spent, a call may cost more than what is left");

    // Adjustments are not cancelled with the request: a half-applied settlement would leave the counters wrong.
    private async Task Undo(params (string Key, long By, TimeSpan Window)[] changes)
    {
        foreach (var (key, by, window) in changes.Where(c => c.By != 0))
        {
            await _counters.IncrementAsync(key, by, window, CancellationToken.None);
        }
    }
}
