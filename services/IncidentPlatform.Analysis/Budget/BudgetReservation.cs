namespace IncidentPlatform.Analysis.Budget;

/// <summary>A model call's reserved budget (and concurrency slot), or the reason it was denied.</summary>
internal sealed class BudgetReservation
{
    private readonly BudgetGuard? _guard;
    private bool _settled;

    internal BudgetReservation(BudgetGuard guard, string model, string incidentKey, string hourKey, string dayKey, long tokens, long micros)
    {
        _guard = guard;
        Model = model;
        IncidentKey = incidentKey;
        HourKey = hourKey;
        DayKey = dayKey;
        Tokens = tokens;
        Micros = micros;
    }

    private BudgetReservation(string reason)
    {
        DeniedReason = reason;
        Model = IncidentKey = HourKey = DayKey = "";
    }

    /// <summary>Why the call may not be made, or null when it may.</summary>
    public string? DeniedReason { get; }

    internal string Model { get; }

    internal string IncidentKey { get; }

    internal string HourKey { get; }

    internal string DayKey { get; }

    internal long Tokens { get; }

    internal long Micros { get; }

    public static BudgetReservation Denied(string reason) => new(reason);

    /// <summary>Settles the reservation to what the call used (zero for a failed call); once.</summary>
    public Task SettleAsync(long inputTokens, long outputTokens)
    {
        if (_guard is null || _settled)
        {
            return Task.CompletedTask;
        }

        _settled = true;
        return _guard.SettleAsync(this, inputTokens, outputTokens);
    }
}
