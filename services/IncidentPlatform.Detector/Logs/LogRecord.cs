namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// One log record from any source: a line, or a line with its stack trace joined (lines after the first are the
/// continuation). Untrusted text.
/// </summary>
/// <param name="Text">The record, lines joined with <c>\n</c>.</param>
/// <param name="Service">The service it belongs to.</param>
/// <param name="Timestamp">When it was logged, when the source knows; otherwise it is read from the line, or the
/// time it was read is used.</param>
internal readonly record struct LogRecord(string Text, string Service, DateTimeOffset? Timestamp = null)
{
    /// <summary>The first line: what is mined into a template (a stack trace would make every record unique).</summary>
    public ReadOnlySpan<char> FirstLine
    {
        get
        {
            var newline = Text.AsSpan().IndexOf('\n');
            return newline < 0 ? Text : Text.AsSpan(0, newline);
        }
    }
}
