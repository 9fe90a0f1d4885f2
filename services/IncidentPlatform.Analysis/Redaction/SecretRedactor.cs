using System.Text.RegularExpressions;

namespace IncidentPlatform.Analysis.Redaction;

/// <summary>
/// Replaces secrets in untrusted text with <c>[REDACTED:kind]</c> before any of it leaves the process: private keys,
/// cloud and vendor keys, bearer and basic credentials, JWTs, credentials in URLs and connection strings, values of
/// password/secret/token-like keys, and (when configured) e-mail addresses. Redaction errs towards removing too much.
/// </summary>
internal sealed partial class SecretRedactor(bool redactEmails)
{
    /// <summary>Matches are replaced by this prefix plus the kind and <c>]</c>.</summary>
    public const string Marker = "[REDACTED:";

    /// <summary>The redacted text and how many secrets were removed.</summary>
    public (string Text, int Count) Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (text, 0);
        }

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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimestampLike();

    [GeneratedRegex(@"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(.|\n)*?(-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)")]
    private static partial Regex PrivateKey();

    // scheme://user:password@host — keeps the user, drops the password.
    [GeneratedRegex(@"(?<prefix>\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]{1,128}:)(?!\[REDACTED)[^\s@/]{1,256}@")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(?<scheme>\b(bearer|basic|token|digest)\s+)(?!\[REDACTED)(?<value>[A-Za-z0-9\-._~+/=]{8,})")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")]
    private static partial Regex Jwt();

    // Keys with a recognisable vendor prefix: Anthropic/OpenAI, GitHub, GitLab, Slack, Stripe, Google, npm, SendGrid, Slack webhooks.
    [GeneratedRegex(@"\b(sk-ant-[A-Za-z0-9_-]{16,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|ya29\.[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|hooks\.slack\.com/services/[A-Za-z0-9/]+)")]
    private static partial Regex VendorToken();

    [GeneratedRegex(@"\b(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    // password=…, "client_secret": "…", Pwd=…; in connection strings, JSON, YAML, query strings: any value.
    [GeneratedRegex(@"(?i)(?<key>[""']?\b[\w.-]*(password|passwd|passphrase|pwd|secret|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key)[\w.-]*[""']?)(?<sep>\s*(=|:)\s*[""']?)(?!\[REDACTED)(?<value>[^\s""',;&}<>]+)")]
    private static partial Regex SecretField();

    // token=…, api_key: …, X-Api-Key: …, access_key=…, sig=…: only credential-looking values.
    [GeneratedRegex(@"(?i)(?<key>[""']?\b([\w.-]*(token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|session[_-]?id|signature|credentials?)[\w.-]*|sig)[""']?)(?<sep>\s*(=|:)\s*[""']?)(?<value>[^\s""',;&}<>]+)")]
    private static partial Regex TokenField();

    // A 40-character AWS secret access key next to a mention of AWS or a secret, without a key=value form.
    [GeneratedRegex(@"(?i)(?<lead>\b(aws|secret)\b[^\n]{0,40}?\s)(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecretKeyNearby();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b")]
    private static partial Regex Email();
}
