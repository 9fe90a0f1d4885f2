namespace IncidentPlatform.Notifier.Throttling;

/// <summary>What the storm guard says about one notification.</summary>
internal enum StormVerdict
{
    /// <summary>Below the threshold: send it.</summary>
    Pass = 0,

    /// <summary>The first one over the threshold: send one summary instead of it.</summary>
    Summarize = 1,

    /// <summary>Further over the threshold: suppress it (the summary covers it).</summary>
    Suppress = 2,
}
