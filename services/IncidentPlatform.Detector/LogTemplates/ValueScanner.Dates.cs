namespace IncidentPlatform.Detector.LogTemplates;

internal static partial class ValueScanner
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>
    /// A date written with names, as ctime and syslog write it: [weekday] month day time [year]
    /// (<c>Sun Jul  3 10:05:12 2005</c>, <c>Jul 3 10:05:12</c>). The time is required, so the month "May" or the word
    /// "Sun" alone stay words.
    /// </summary>
    private static int NamedDate(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        var word = WordLength(line, pos);
        if (word < 3 || pos + word >= line.Length || line[pos + word] is not (' ' or ',') || !StartsLikeDateName(line.Slice(pos, 3)))
        {
            return 0; // the cheap test that spares most words the name comparisons
        }

        if (IsUnit(line.Slice(pos, word), Weekdays))
        {
            pos = SkipSpaces(line, pos + word, allowComma: true);
            word = WordLength(line, pos);
        }

        if (word == 0 || !IsUnit(line.Slice(pos, word), Months))
        {
            return 0;
        }

        pos = SkipSpaces(line, pos + word, allowComma: false);
        var day = CountDigits(line, pos);
        if (day is < 1 or > 2)
        {
            return 0;
        }

        pos = SkipSpaces(line, pos + day, allowComma: true);
        var time = Timestamp(line, pos);
        if (time == 0 || !line.Slice(pos, time).Contains(':'))
        {
            return 0;
        }

        pos += time;
        var afterTime = SkipSpaces(line, pos, allowComma: false);
        if (afterTime > pos && CountDigits(line, afterTime) == 4 && EndsAt(line, afterTime + 4))
        {
            pos = afterTime + 4;
        }

        return pos - start;
    }

    private static bool StartsLikeDateName(ReadOnlySpan<char> prefix) => (char.ToLowerInvariant(prefix[0]), char.ToLowerInvariant(prefix[1])) switch
    {
        ('m', 'o') or ('t', 'u') or ('w', 'e') or ('t', 'h') or ('f', 'r') or ('s', 'a') or ('s', 'u') => true,
        ('j', 'a') or ('f', 'e') or ('m', 'a') or ('a', 'p') or ('j', 'u') or ('a', 'u') or ('s', 'e') or ('o', 'c') or ('n', 'o') or ('d', 'e') => true,
        _ => false,
    };

    private static int SkipSpaces(ReadOnlySpan<char> line, int pos, bool allowComma)
    {
        if (allowComma && pos < line.Length && line[pos] == ',')
        {
            pos++;
        }

        while (pos < line.Length && line[pos] == ' ')
        {
            pos++;
        }

        return pos;
    }
}
