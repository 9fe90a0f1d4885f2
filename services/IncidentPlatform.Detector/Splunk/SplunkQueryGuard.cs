namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Checks an ad-hoc search (from the <c>incident_detection</c> tool, so possibly written by a model): detection only
/// reads, so every command of the pipeline, and of each subsearch in brackets, must be one of the read-only commands
/// in <see cref="ReadOnlyCommands"/>. An allowlist, not a blocklist: a command Splunk adds later, or one missed here
/// (<c>summaryindex</c>, <c>dump</c>, a custom command), is refused until someone decides it only reads. The Splunk
/// role of the token should be read-only as well; this is the second fence.
/// </summary>
internal static class SplunkQueryGuard
{
    public const int MaxLength = 4000;

    /// <summary>Commands that only read, filter, compute or shape results: nothing that writes, sends or runs.</summary>
    public static readonly IReadOnlySet<string> ReadOnlyCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "search", "where", "eval", "stats", "eventstats", "streamstats", "tstats", "mstats", "timechart", "chart", "top",
        "rare", "table", "fields", "rename", "sort", "head", "tail", "dedup", "rex", "regex", "bin", "bucket", "spath",
        "fillnull", "makemv", "mvexpand", "mvcombine", "transaction", "join", "append", "appendcols", "lookup",
        "inputlookup", "addtotals", "convert", "reverse", "uniq", "xyseries", "untable", "makeresults", "metadata",
        "return", "format", "cluster", "kmeans", "predict", "trendline", "fieldsummary", "extract", "kv", "eventcount",
    };

    /// <summary>Why the query is refused, or null when it may run.</summary>
    public static string? Refusal(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "The query is empty.";
        }

        if (query.Length > MaxLength)
        {
            return $"The query is longer than {MaxLength} characters.";
        }

        if (Commands(query) is not { } commands)
        {
            return "The query has an unclosed quote or unbalanced brackets.";
        }

        var refused = commands.FirstOrDefault(c => !ReadOnlyCommands.Contains(c));
        return refused is null
            ? null
            : $"The query uses '{refused}', which detection does not allow: searches only read, so each command must be one of " +
              $"{string.Join(", ", ReadOnlyCommands.Order(StringComparer.Ordinal))}.";
    }

    // The name of each command: the first word after every '|' and '[' outside quotes (a pipeline that does not start
    // with '|' starts with an implicit 'search'), and any macro. Null when quotes or brackets do not balance.
    private static List<string>? Commands(string query)
    {
        var commands = new List<string>();
        var depth = 0;
        var expectCommand = true;
        var implicitSearch = true; // the current pipeline's first segment, unless it opens with '|'
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == '"')
            {
                if ((i = ClosingQuote(query, i)) < 0)
                {
                    return null;
                }

                (expectCommand, implicitSearch) = (false, false);
            }
            else if (c == '`')
            {
                commands.Add("`…` (a macro, which could expand to any command)");
                expectCommand = false;
            }
            else if (c is '|' or '[')
            {
                depth += c == '[' ? 1 : 0;
                (expectCommand, implicitSearch) = (true, c == '[');
            }
            else if (c == ']')
            {
                if (--depth < 0)
                {
                    return null;
                }

                expectCommand = false;
            }
            else if (expectCommand)
            {
                var end = i;
                while (end < query.Length && (char.IsLetterOrDigit(query[end]) || query[end] is '_' or '-'))
                {
                    end++;
                }

                commands.Add(implicitSearch ? "search" : end == i ? query[i].ToString() : query[i..end]);
                (expectCommand, implicitSearch, i) = (false, false, Math.Max(i, end - 1));
            }
        }

        return depth == 0 ? commands : null;
    }

    private static int ClosingQuote(string query, int open)
    {
        for (var i = open + 1; i < query.Length; i++)
        {
            if (query[i] == '\\')
            {
                i++;
            }
            else if (query[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }
}
