namespace IncidentPlatform.Detector.Files;

/// <summary>
/// One tailed log source (<c>Detector:Files:&lt;name&gt;</c>): the files a glob matches, followed through rotation and
/// truncation, lines joined into records.
/// </summary>
internal sealed class FileSourceOptions
{
    /// <summary>A glob: <c>/var/log/app/*.log</c>, <c>logs/**/*.log</c> (relative paths are from the content root).</summary>
    public string? Path { get; set; }

    /// <summary>The service the lines belong to (unless <see cref="ServicePattern"/> names one).</summary>
    public string? Service { get; set; }

    /// <summary>A regular expression with a group <c>service</c> that finds the service in a record's first line.</summary>
    public string? ServicePattern { get; set; }

    /// <summary>
    /// A regular expression matching the first line of a record; other lines join the record before them. Without it a
    /// line joins the previous one when it starts with whitespace, <c>at </c>, <c>Caused by:</c> or <c>... N more</c>.
    /// </summary>
    public string? RecordStart { get; set; }

    /// <summary>Where to start in files found at the first scan of a source without stored offsets.</summary>
    public TailStart StartAt { get; set; } = TailStart.End;

    /// <summary>How often the files are checked for new lines, new files and rotation.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A record with no next line yet is complete after this long (its stack trace has ended).</summary>
    public TimeSpan FlushAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a file that was rotated away is still read (writers may finish a line into it).</summary>
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This source's anomaly warm-up after a fresh start (default: <c>Detector:Anomaly:WarmUp</c>).</summary>
    public TimeSpan? WarmUp { get; set; }

    /// <summary>
    /// Labels every signal of this source carries (where the logs come from: <c>cluster</c>, <c>env</c>, <c>instance_id</c>…),
    /// so remediation rules can match and fill parameters from them.
    /// </summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records longer than this many characters are cut (what is cut is still read past).</summary>
    public int MaxRecordLength { get; set; } = 32 * 1024;
}
