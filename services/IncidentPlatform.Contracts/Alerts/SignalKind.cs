namespace IncidentPlatform.Contracts;

/// <summary>Why the detector raised a signal.</summary>
public enum SignalKind
{
    /// <summary>A detection rule's count crossed its static threshold.</summary>
    Threshold = 0,

    /// <summary>The count rose far above its recent baseline.</summary>
    Baseline = 1,

    /// <summary>An error template never seen before appeared.</summary>
    NewTemplate = 2,
}
