namespace IncidentPlatform.Detector.Correlation;

/// <summary>When the correlation sweeper last ran, for its health check.</summary>
internal sealed class SweeperStatus
{
    private readonly Lock _gate = new();
    private (DateTimeOffset? LastSuccess, bool Standby, string? LastError) _state;

    public (DateTimeOffset? LastSuccess, bool Standby, string? LastError) Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public void Succeeded(DateTimeOffset at, bool standby)
    {
        lock (_gate)
        {
            _state = (at, standby, null);
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _state = _state with { LastError = error };
        }
    }
}
