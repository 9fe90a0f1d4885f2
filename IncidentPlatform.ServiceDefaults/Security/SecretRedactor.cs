using System.Text.RegularExpressions;

namespace IncidentPlatform.ServiceDefaults.Security;

/// <summary>
/// Replaces secrets in untrusted text with <c>[REDACTED:kind]</c> before any of it leaves the process: private keys,
/// cloud and vendor keys, bearer and basic credentials, JWTs, credentials in URLs and connection strings, values of
/// password/secret/token-like keys, and (when configured) e-mail addresses. Redaction errs towards removing too much.
/// One redactor serves everything that hands incident text on: the analysis prompts and the gateway's MCP results.
/// Every pattern has a time limit; text whose redaction runs out of time twice is withheld whole
/// (<see cref="Withheld"/>), never passed on unredacted.
/// </summary>
public sealed partial class SecretRedactor(bool redactEmails)
{
    /// <summary>Matches are replaced by this prefix plus the kind and <c>]</c>.</summary>
    public const string Marker = "[REDACTED:";

    /// <summary>What stands for a text whose redaction took longer than its patterns' time limit.</summary>
    public const string Withheld = "[WITHHELD: redaction timed out]";

    /// <summary>
    /// How much more than the requested length is redacted before the result is cut to it: room for a secret that
    /// starts before the cut to be seen whole (a PEM private key is about 3 KiB).
    /// </summary>
    public const int Lookahead = 4096;

    // Per pattern and call, measured in wall-clock time: a line of incident text takes microseconds of CPU, but a
    // pattern's first use compiles its code, and a busy machine can stall a thread, so a timeout is tried once more.
    private const int TimeoutMilliseconds = 2000;

    /// <summary>
    /// <paramref name="text"/> redacted and then cut to <paramref name="maxLength"/> characters (with <c>…</c>). Only
    /// the first <paramref name="maxLength"/> + <see cref="Lookahead"/> characters are read, less the word that limit
    /// cuts through, so a secret cut in two is dropped rather than left as an unredacted prefix; the redaction runs on
    /// what is kept, and the cut to <paramref name="maxLength"/> comes after it, so it can only shorten redacted text.
    /// </summary>
    public (string Text, int Count) Redact(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var (redacted, count) = Redact(CutBeforeWord(text, maxLength + Lookahead));
        redacted = redacted.Trim();
        return (redacted.Length > maxLength ? redacted[..maxLength] + "…" : redacted, count);
    }

    /// <summary>The redacted text and how many secrets were removed (<see cref="Withheld"/> when it ran out of time).</summary>
    public (string Text, int Count) Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (text, 0);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return RedactAll(text);
            }
            catch (RegexMatchTimeoutException) when (attempt == 2)
            {
                return (Withheld, 1);
            }
            catch (RegexMatchTimeoutException)
            {
                // Once more: the first attempt may have lost its time to compiling or to a stalled thread.
            }
        }
    }

    private (string Text, int Count) RedactAll(string text)
    {
        var count = 0;
        string Replace(Regex regex, string input, MatchEvaluator evaluator) =>
            regex.Replace(input, m =>
            {
                var replaced = evaluator(m);
                if (replaced != m.Value)
                {
                    count++;
                }

                return replaced;
            });

        // Longest, most specific forms first, so that a key inside a URL or a JSON field is removed whole.
        text = Replace(PrivateKey(), text, _ => Mark("private-key"));
        text = Replace(UrlCredentials(), text, m => m.Groups["prefix"].Value + Mark("password") + "@");
        text = Replace(AuthorizationHeader(), text, m =>
            m.Groups["scheme"].Value.Trim().Equals("token", StringComparison.OrdinalIgnoreCase) && !LooksLikeCredential(m.Groups["value"].Value)
                ? m.Value
                : m.Groups["scheme"].Value + Mark("credential"));
        text = Replace(Jwt(), text, _ => Mark("jwt"));
        text = Replace(VendorToken(), text, _ => Mark("token"));
        text = Replace(AwsAccessKeyId(), text, _ => Mark("aws-access-key"));
        text = Replace(SecretField(), text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mark("secret"));
        text = Replace(TokenField(), text, m => LooksLikeCredential(m.Groups["value"].Value)
            ? m.Groups["key"].Value + m.Groups["sep"].Value + Mark("secret")
            : m.Value);
        text = Replace(AwsSecretKeyNearby(), text, m => m.Groups["lead"].Value + Mark("aws-secret-key"));
        if (redactEmails)
        {
            text = Replace(Email(), text, _ => Mark("email"));
        }

        return (text, count);
    }

    /// <summary>A labelled value (a label, a form field): its key counts, so <c>token</c>, <c>password</c>… values go.</summary>
    public (string Text, int Count) Redact(string key, string value)
    {
        var (text, count) = Redact($"{key}={value}");
        var prefix = key + "=";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? (text[prefix.Length..], count) : (Redact(value).Text, count);
    }

    /// <summary>A labelled value, read and cut as <see cref="Redact(string, int)"/> does.</summary>
    public (string Text, int Count) Redact(string key, string value, int maxLength)
    {
        var (text, count) = Redact(key, CutBeforeWord(value, maxLength + Lookahead));
        text = text.Trim();
        return (text.Length > maxLength ? text[..maxLength] + "…" : text, count);
    }

    /// <summary>
    /// <paramref name="prefix"/>, the start of a longer text, less its last run of non-space characters, which the cut
    /// may have gone through: what is left of a cut secret would not be recognised as one.
    /// </summary>
    public static string DropCutWord(string prefix)
    {
        var end = prefix.Length;
        while (end > 0 && !char.IsWhiteSpace(prefix[end - 1]))
        {
            end--;
        }

        return prefix[..end];
    }

    // The first `limit` characters, less the run of non-space characters the limit cuts through.
    private static string CutBeforeWord(string text, int limit) =>
        text.Length <= limit ? text : char.IsWhiteSpace(text[limit]) ? text[..limit] : DropCutWord(text[..limit]);

    private static string Mark(string kind) => Marker + kind + "]";

    /// <summary>Values of token/key-like keys are redacted only when they look generated (length, digits, symbols), so
    /// that "token: expired" stays readable.</summary>
    private static bool LooksLikeCredential(string value)
    {
        if (value.StartsWith(Marker, StringComparison.Ordinal) || TimestampLike().IsMatch(value))
        {
            return false;
        }

        var letters = value.Count(char.IsLetter);
        var digits = value.Count(char.IsDigit);
        return value.Length >= 20 || (value.Length >= 8 && digits > 0 && letters > 0) || (value.Length >= 12 && digits + letters < value.Length);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex TimestampLike();

    [GeneratedRegex(@"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(.|\n)*?(-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex PrivateKey();

    // scheme://user:password@host — keeps the user, drops the password.
    [GeneratedRegex(@"(?<prefix>\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]{1,128}:)(?!\[REDACTED)[^\s@/]{1,256}@", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(?<scheme>\b(bearer|basic|token|digest)\s+)(?!\[REDACTED)(?<value>[A-Za-z0-9\-._~+/=]{8,})", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Jwt();

    // Keys with a recognisable vendor prefix: Anthropic/OpenAI, GitHub, GitLab, Slack, Stripe, Google, npm, SendGrid, Slack webhooks.
    [GeneratedRegex(@"\b(sk-ant-[A-Za-z0-9_-]{16,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|ya29\.[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|hooks\.slack\.com/services/[A-Za-z0-9/]+)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex VendorToken();

    [GeneratedRegex(@"\b(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex AwsAccessKeyId();

    // password=…, "client_secret": "…", Pwd=…; in connection strings, JSON, YAML, query strings: any value.
    [GeneratedRegex(@"(?i)(?<key>[""']?\b[\w.-]*(password|passwd|passphrase|pwd|secret|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key)[\w.-]*[""']?)(?<sep>\s*(=|:)\s*[""']?)(?!\[REDACTED)(?<value>[^\s""',;&}<>]+)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex SecretField();

    // token=…, api_key: …, X-Api-Key: …, access_key=…, sig=…: only credential-looking values.
    [GeneratedRegex(@"(?i)(?<key>[""']?\b([\w.-]*(token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|session[_-]?id|signature|credentials?)[\w.-]*|sig)[""']?)(?<sep>\s*(=|:)\s*[""']?)(?<value>[^\s""',;&}<>]+)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex TokenField();

    // A 40-character AWS secret access key next to a mention of AWS or a secret, without a key=value form.
    [GeneratedRegex(@"(?i)(?<lead>\b(aws|secret)\b[^\n]{0,40}?\s)(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex AwsSecretKeyNearby();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Email();
}
