namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>What a (masked) token holds, which decides how the miner treats it.</summary>
[Flags]
internal enum TokenTraits : byte
{
    None = 0,

    /// <summary>A digit outside any placeholder (<c>utf8</c>, <c>wl0</c>, <c>R02-M1</c>).</summary>
    Digit = 1,

    /// <summary>A placeholder or the wildcard.</summary>
    Placeholder = 2,
}

internal static class TokenTraitsExtensions
{
    extension(TokenTraits traits)
    {
        /// <summary>Drain's rule for the tree: a token with a digit or a value never routes by its text.</summary>
        public bool RoutesAsWildcard => traits != TokenTraits.None;

        /// <summary>
        /// Whether the token is a value, so that a different token at its position may still be a line of the same
        /// template. Words, also words with digits, are not: two lines that differ in a word (<c>AUTO</c>/<c>SUSPENDED</c>,
        /// <c>HTTPS</c>/<c>SOCKS5</c>, <c>en0</c>/<c>awdl0</c>) are two templates. This rule, more than any other, lifts
        /// the grouping accuracy over Drain's (which lets any token differ): a differing word is usually a different event,
        /// a differing value is the same event; the masker decides what is a value.
        /// </summary>
        public bool MayDiffer => (traits & TokenTraits.Placeholder) != 0;

        public static TokenTraits Of(ReadOnlySpan<char> token)
        {
            var found = TokenTraits.None;
            var rest = token;
            while (true)
            {
                var open = rest.IndexOf('<');
                var plain = open < 0 ? rest : rest[..open];
                if (plain.ContainsAnyInRange('0', '9'))
                {
                    found |= TokenTraits.Digit;
                }

                if (open < 0)
                {
                    return found;
                }

                var length = PlaceholderLength(rest[open..]);
                if (length > 0)
                {
                    found |= TokenTraits.Placeholder;
                }

                rest = rest[(open + Math.Max(length, 1))..];
            }
        }
    }

    /// <summary>The length of a placeholder (<c>&lt;NUM&gt;</c>, <c>&lt;*&gt;</c>) at the start of the text, or 0.</summary>
    private static int PlaceholderLength(ReadOnlySpan<char> text)
    {
        var end = 1;
        while (end < text.Length && (char.IsAsciiLetterUpper(text[end]) || text[end] == '*'))
        {
            end++;
        }

        return end > 1 && end < text.Length && text[end] == '>' ? end + 1 : 0;
    }
}
