using System.Buffers;

namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Splits a line into whitespace-separated tokens and replaces the variable values inside them with typed placeholders
/// (<see cref="ValueScanner"/>), in one pass over the characters, writing into a reused <see cref="MaskedLine"/>.
/// Values are looked for at every boundary inside a token, not only at whole tokens, so <c>blk_-6952</c> becomes
/// <c>blk_&lt;NUM&gt;</c>, <c>uid=0</c> becomes <c>uid=&lt;NUM&gt;</c> and <c>/10.0.0.1:80</c> becomes <c>/&lt;IP&gt;</c>:
/// the constant part of a token keeps telling templates apart. A quoted value may contain spaces and is one token.
/// </summary>
internal static class LineMasker
{
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\r\n\f\v");

    public static void Mask(ReadOnlySpan<char> line, MaskedLine output)
    {
        output.Clear();
        var pos = 0;
        var inToken = false;
        var hints = ValueScanner.HintsFor(line);
        while (pos < line.Length)
        {
            var c = line[pos];
            if (Spaces.Contains(c))
            {
                if (inToken)
                {
                    output.EndToken(pos);
                    inToken = false;
                }

                pos++;
                continue;
            }

            if (!inToken)
            {
                output.BeginToken(pos);
                inToken = true;
            }

            if (pos == 0 || !char.IsLetterOrDigit(line[pos - 1]))
            {
                var placeholder = ValueScanner.Match(line, pos, hints, out var valueLength);
                if (placeholder is not null)
                {
                    output.Append(placeholder);
                    pos += valueLength; // a quoted value or a number with a spaced unit may have crossed a space
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                var end = pos + 1;
                while (end < line.Length && char.IsLetterOrDigit(line[end]))
                {
                    end++;
                }

                output.Append(line[pos..end]);
                pos = end;
            }
            else
            {
                output.Append(c);
                pos++;
            }
        }

        if (inToken)
        {
            output.EndToken(line.Length);
        }
    }
}
