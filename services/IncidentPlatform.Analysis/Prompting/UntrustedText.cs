using System.Text;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Analysis.Prompting;

/// <summary>
/// Makes untrusted text (alert and log text, titles of past incidents) safe to place inside the prompt's data block:
/// it cannot close the block or open another, cannot pose as a chat turn, and is bounded in length.
/// </summary>
internal static partial class UntrustedText
{
    /// <summary>What replaces a delimiter look-alike found in data.</summary>
    public const string DelimiterPlaceholder = "[delimiter-like text]";

    /// <summary>The neutralized text: control characters dropped (tabs and newlines kept), angle brackets swapped for
    /// look-alike quotation marks so no tag can form, code fences and block-delimiter look-alikes replaced, chat-role
    /// prefixes bracketed, and at most <paramref name="maxLength"/> characters kept.</summary>
    public static string Neutralize(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' or '\uFF1C' or '\u2329' or '\u27E8' => '\u2039',
                '>' or '\uFF1E' or '\u232A' or '\u27E9' => '\u203A',
                '\t' or '\n' => c,
                '\r' => '\n',
                _ when char.IsControl(c) || IsInvisible(c) => '\0',
                _ => c,
            });
        }

        builder.Replace("\0", "");
        var result = builder.ToString();
        result = CodeFence().Replace(result, "'''");
        result = DelimiterLookAlike().Replace(result, DelimiterPlaceholder);
        result = RolePrefix().Replace(result, m => $"{m.Groups["lead"].Value}[{m.Groups["role"].Value}]{m.Groups["colon"].Value}");
        if (result.Length > maxLength)
        {
            result = result[..maxLength] + "…[cut]";
        }

        return result;
    }

    // Zero-width and bidirectional-control characters hide text from people reading the prompt or the logs.
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    [GeneratedRegex(@"`{3,}")]
    private static partial Regex CodeFence();

    // Our block's name in any spelling, and the usual "begin/end of data" or chat-template markers.
    [GeneratedRegex(@"(?i)(/?\s*incident[\s_\-.]*data\b|\b(begin|end|start|close)[\s_\-]*(of[\s_\-]*)?(the[\s_\-]*)?(untrusted[\s_\-]*)?data\b|\[/?INST\]|\|im_(start|end)\||\|eot_id\||\|(begin|end)_of_text\|)")]
    private static partial Regex DelimiterLookAlike();

    [GeneratedRegex(@"(?im)(?<lead>^\s*|\n\s*)(?<role>system|assistant|human|user|developer)(?<colon>\s*:)")]
    private static partial Regex RolePrefix();
}
