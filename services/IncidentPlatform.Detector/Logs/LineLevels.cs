namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// Finds a record's level. Upper-case level words (<c>ERROR</c>, <c>WARN</c>…) count anywhere in the first line, as
/// they are written by nearly every logging library; other spellings only as a level field (<c>level=error</c>,
/// <c>"level":"error"</c>, <c>[error]</c>), because "error" in prose ("0 errors") says nothing. Without a level, a
/// record that looks like an exception (a <c>…Exception</c> or <c>…Error:</c> word, <c>Traceback</c>, <c>panic:</c>,
/// or stack-trace lines after the first) counts as an error.
/// </summary>
internal static class LineLevels
{
    public static LineLevel Detect(ReadOnlySpan<char> record)
    {
        var newline = record.IndexOf('\n');
        var first = newline < 0 ? record : record[..newline];
        var level = ExplicitLevel(first);
        if (level != LineLevel.Unknown)
        {
            return level;
        }

        return newline >= 0 || LooksLikeException(first) ? LineLevel.Error : LineLevel.Unknown;
    }

    private static LineLevel ExplicitLevel(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (!char.IsAsciiLetter(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && char.IsAsciiLetter(line[i]))
            {
                i++;
            }

            var word = line[start..i];
            if (word.Length is < 3 or > 9)
            {
                continue;
            }

            var upper = IsUpper(word);
            if (!upper && !IsLevelField(line, start, i))
            {
                continue;
            }

            var level = Named(word);
            if (level != LineLevel.Unknown)
            {
                return level;
            }
        }

        return LineLevel.Unknown;
    }

    private static bool IsUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    // level=error, "level":"error", severity=warn, lvl=info, [error], <error>
    private static bool IsLevelField(ReadOnlySpan<char> line, int start, int end)
    {
        var before = line[..start].TrimEnd('"');
        if (start > 0 && end < line.Length && line[start - 1] is '[' or '<' && line[end] is ']' or '>')
        {
            return true;
        }

        if (before.Length == 0 || before[^1] is not ('=' or ':'))
        {
            return false;
        }

        var key = before[..^1].TrimEnd('"');
        return key.EndsWith("level", StringComparison.OrdinalIgnoreCase) ||
               key.EndsWith("lvl", StringComparison.OrdinalIgnoreCase) ||
               key.EndsWith("severity", StringComparison.OrdinalIgnoreCase);
    }

    private static LineLevel Named(ReadOnlySpan<char> word)
    {
        Span<char> upper = stackalloc char[word.Length];
        word.ToUpperInvariant(upper);
        return upper switch
        {
            "FATAL" or "CRITICAL" or "CRIT" or "PANIC" or "EMERG" or "EMERGENCY" => LineLevel.Fatal,
            "ERROR" or "ERR" or "SEVERE" => LineLevel.Error,
            "WARN" or "WARNING" => LineLevel.Warning,
            "INFO" or "NOTICE" => LineLevel.Info,
            "DEBUG" or "TRACE" or "FINE" or "FINER" or "FINEST" or "VERBOSE" => LineLevel.Debug,
            _ => LineLevel.Unknown,
        };
    }

    private static bool LooksLikeException(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal) ||
            line.Contains("panic:", StringComparison.Ordinal) ||
            line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // java.sql.SQLException, IOException, ValueError: …, java.lang.OutOfMemoryError
        var i = 0;
        while (i < line.Length)
        {
            if (!IsNameChar(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && IsNameChar(line[i]))
            {
                i++;
            }

            var name = line[start..i].TrimEnd('.');
            if (name.Length > 9 && name.EndsWith("Exception", StringComparison.Ordinal))
            {
                return true;
            }

            var colon = i < line.Length && line[i] == ':';
            if (name.Length > 6 && name.EndsWith("Error", StringComparison.Ordinal) && char.IsAsciiLetterLower(name[^6]) &&
                (colon || name.Contains('.')))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '$';
}
