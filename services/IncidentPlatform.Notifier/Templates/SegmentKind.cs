namespace IncidentPlatform.Notifier.Templates;

/// <summary>How a piece of rendered text is treated by a channel's format.</summary>
internal enum SegmentKind
{
    /// <summary>A value from an event or incident: untrusted, always escaped for the format.</summary>
    Value = 0,

    /// <summary>Template text from configuration: trusted, written in the channel's own format as it is.</summary>
    Literal = 1,

    /// <summary>A built-in label, emphasised where the format can (bold), escaped like a value.</summary>
    Strong = 2,
}
