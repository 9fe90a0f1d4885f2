using System.Text;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// Joins the lines of one file into records: a continuation line (a stack frame, <c>Caused by:</c>, or whatever does
/// not match the configured record start) joins the record before it. A record is complete when the next record
/// starts, or when no line followed for a while; until then it is pending, and <see cref="PendingStart"/> — the file
/// offset its first line began at — is as far as a checkpoint may go, so a restart reassembles it whole.
/// </summary>
internal sealed class RecordAssembler(Regex? recordStart, int maxLength)
{
    private string? _first;
    private StringBuilder? _rest;
    private long _start;
    private DateTimeOffset _lastLineAt;

    /// <summary>Where the pending record began in the file, or null when none is pending.</summary>
    public long? PendingStart => _first is null ? null : _start;

    /// <summary>
    /// The default rule: indented lines, the usual stack-trace lines, and an exception header at the start of a line
    /// (<c>java.sql.SQLException: …</c>, <c>ValueError: …</c>) continue a record.
    /// </summary>
    public static bool LooksLikeContinuation(string line) =>
        line.Length > 0 && (line[0] is ' ' or '\t' ||
                            line.StartsWith("at ", StringComparison.Ordinal) ||
                            line.StartsWith("Caused by:", StringComparison.Ordinal) ||
                            line.StartsWith("... ", StringComparison.Ordinal) ||
                            line.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal) ||
                            IsExceptionHeader(line));

    private static bool IsExceptionHeader(string line)
    {
        var end = line.AsSpan().IndexOfAny(':', ' ');
        var name = end < 0 ? line.AsSpan() : line.AsSpan(0, end);
        if ((end >= 0 && line[end] != ':') || name.Length < 6 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '$'))
            {
                return false;
            }
        }

        return name.EndsWith("Exception", StringComparison.Ordinal) || name.EndsWith("Error", StringComparison.Ordinal) ||
               name.EndsWith("Throwable", StringComparison.Ordinal);
    }

    /// <summary>Adds a complete line that began at <paramref name="start"/>; completed records go to <paramref name="output"/>.</summary>
    public void Add(string line, long start, DateTimeOffset now, List<string> output)
    {
        var continues = recordStart is null ? LooksLikeContinuation(line) : !recordStart.IsMatch(line);
        if (_first is not null && continues)
        {
            _rest ??= new StringBuilder();
            if (_first.Length + _rest.Length < maxLength)
            {
                _rest.Append('\n').Append(line);
            }
        }
        else
        {
            Flush(output);
            _first = line.Length <= maxLength ? line : line[..maxLength];
            _start = start;
        }

        _lastLineAt = now;
    }

    /// <summary>Completes the pending record when no line has followed it for <paramref name="quiet"/>.</summary>
    public void FlushIfQuiet(DateTimeOffset now, TimeSpan quiet, List<string> output)
    {
        if (_first is not null && now - _lastLineAt >= quiet)
        {
            Flush(output);
        }
    }

    /// <summary>Completes the pending record, if any.</summary>
    public void Flush(List<string> output)
    {
        if (_first is null)
        {
            return;
        }

        var text = _rest is null ? _first : string.Concat(_first, _rest.ToString());
        output.Add(text.Length <= maxLength ? text : text[..maxLength]);
        _first = null;
        _rest = null;
    }
}
