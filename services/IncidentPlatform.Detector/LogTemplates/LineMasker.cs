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
                if (placeholder is null && (valueLength = KeyValue(line, pos)) > 0)
                {
                    placeholder = Placeholders.Value;
                }

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

                AppendWord(line[pos..end], output);
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

    /// <summary>
    /// A word that ends in at least two digits is a name with a number glued to it, a host or a device
    /// (<c>dn228</c>, <c>bglio559</c>, <c>worker12</c>, <c>U11</c>): the digits are the value. One digit
    /// (<c>en0</c>, <c>md5</c>, <c>ipv4</c>) is part of the word.
    /// </summary>
    private static void AppendWord(ReadOnlySpan<char> word, MaskedLine output)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[^(digits + 1)]))
        {
            digits++;
        }

        if (digits >= 2 && digits < word.Length && char.IsLetter(word[0]))
        {
            output.Append(word[..^digits]);
            output.Append(Placeholders.Number);
        }
        else
        {
            output.Append(word);
        }
    }

    /// <summary>
    /// The value of a <c>key=value</c> pair when it is a plain word (typed values are found before): up to the next
    /// space or closing punctuation. The pair's key must be a word; <c>msg=</c>, <c>message=</c> and <c>event=</c> name
    /// the event itself, so their value stays text.
    /// </summary>
    private static int KeyValue(ReadOnlySpan<char> line, int start)
    {
        if (start < 2 || line[start - 1] != '=' || !char.IsLetterOrDigit(line[start - 2]) || !char.IsLetterOrDigit(line[start]))
        {
            return 0;
        }

        var keyStart = start - 2;
        while (keyStart > 0 && (char.IsLetterOrDigit(line[keyStart - 1]) || line[keyStart - 1] is '_' or '-' or '.'))
        {
            keyStart--;
        }

        var key = line[keyStart..(start - 1)];
        if (key.Equals("msg", StringComparison.OrdinalIgnoreCase) || key.Equals("message", StringComparison.OrdinalIgnoreCase)
            || key.Equals("event", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var end = start;
        var (punctuated, innerCapital, lower) = (false, false, false);
        while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not (',' or ';' or ')' or ']' or '}' or '>' or '"' or '\'' or '&' or '|'))
        {
            punctuated |= !char.IsLetter(line[end]);
            innerCapital |= end > start && char.IsUpper(line[end]);
            lower |= char.IsLower(line[end]);
            end++;
        }

        // Punctuation, a digit or mixed case (NODEVssh, host_7a) make it a name; a plain word (root, true, ERROR, Active)
        // is as often one of a few values that tell events apart, and stays.
        return punctuated || (innerCapital && lower) ? end - start : 0;
    }
}
