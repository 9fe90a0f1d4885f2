using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Analysis.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(redactEmails: true);

    // Each line holds one secret (the second value) in the form it takes in real logs.
    public static TheoryData<string, string> Secrets => new()
    {
        { "aws s3 cp failed using key AKIAIOSFODNN7EXAMPLE for bucket logs", "AKIAIOSFODNN7EXAMPLE" },
        { "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { "credentials loaded: aws secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY region eu-west-1", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { "X-Amz-Security-Token: IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD", "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD" },
        { "GET /api/orders Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r", "eyJhbGciOiJSUzI1NiJ9" },
        { "upstream call with header Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==", "dXNlcjpwYXNzd29yZDEyMw==" },
        { "token rejected: ya29.a0AfH6SMBx3kQ9example-access-token-value", "ya29.a0AfH6SMBx3kQ9example-access-token-value" },
        { "Server=db.prod;Database=orders;User Id=app;Password=Hunter2!Spring;Encrypt=true", "Hunter2!Spring" },
        { "connecting to postgres://orders_app:s3cr3t-P4ss@db.internal:5432/orders failed", "s3cr3t-P4ss" },
        { "amqp://guest:rabbitpass99@mq.internal:5672/ refused", "rabbitpass99" },
        { "{\"user\":\"svc\",\"password\":\"correct horse\",\"retries\":3}", "correct horse" },
        { "config: client_secret: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a39281706f5e4d3c2b1a0" },
        { "POST https://api.example.com/hooks?api_key=AbC123dEf456GhI789&retry=1", "AbC123dEf456GhI789" },
        { "x-api-key: sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv0123456789", "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv0123456789" },
        { "github push failed for ghp_16C7e42F292c6912E7710c838347Ae178B4a", "ghp_16C7e42F292c6912E7710c838347Ae178B4a" },
        { "posting to slack with xoxb-2048-4096-AbCdEfGhIjKlMnOp failed: invalid_auth", "xoxb-2048-4096-AbCdEfGhIjKlMnOp" },
        { "webhook https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX timed out", "hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX" },
        { "stripe error for key sk_live_51H8xYzAbCdEfGhIjKlMn", "sk_live_51H8xYzAbCdEfGhIjKlMn" },
        { "DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==" },
        { "password reset mail sent to jane.doe@example.com", "jane.doe@example.com" },
        { "login ok session_id=8f14e45fceea167a5a36dedd4bea2543", "8f14e45fceea167a5a36dedd4bea2543" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_RealisticSecret_IsRemovedAndMarked(string line, string secret)
    {
        var (text, count) = _redactor.Redact(line);

        text.ShouldNotContain(secret);
        text.ShouldContain(SecretRedactor.Marker);
        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Redact_PrivateKeyBlock_IsRemovedWhole()
    {
        var line = "loaded key -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\nQ2x9Yz==\n-----END RSA PRIVATE KEY----- from /etc/app/tls.key";

        var (text, _) = _redactor.Redact(line);

        text.ShouldBe("loaded key [REDACTED:private-key] from /etc/app/tls.key");
    }

    [Theory]
    [InlineData("FATAL: password authentication failed for user \"reporting_ro\"")]
    [InlineData("HikariPool-1 - Connection is not available, request timed out after 30000ms.")]
    [InlineData("The provided token has expired.")]
    [InlineData("token: expired")]
    [InlineData("Authorization failed for user alice (403)")]
    [InlineData("tokens used=1500 of 60000")]
    [InlineData("kernel: Out of memory: Killed process 23817 (python3) total-vm:8123456kB")]
    [InlineData("GET http://10.0.4.17:8080/api/cart 502")]
    [InlineData("token_expiry: 2026-11-21T08:00:00Z")]
    public void Redact_OrdinaryErrorText_IsLeftAlone(string line)
    {
        var (text, count) = _redactor.Redact(line);

        text.ShouldBe(line);
        count.ShouldBe(0);
    }

    [Fact]
    public void Redact_EmailsWhenNotConfigured_AreKept()
    {
        var (text, _) = new SecretRedactor(redactEmails: false).Redact("bounce from jane.doe@example.com");

        text.ShouldBe("bounce from jane.doe@example.com");
    }

    [Fact]
    public void Redact_APatternRunsOutOfTime_WithholdsTheTextInsteadOfPassingItOn()
    {
        // "a.a.a…": every dot starts a word, and the secret-field pattern scans the rest of the line from each one.
        var text = string.Concat(Enumerable.Repeat("a.", 200_000)) + " password=hunter2-secret";

        var (redacted, count) = _redactor.Redact(text);

        redacted.ShouldBe(SecretRedactor.Withheld);
        count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)] // the key starts right at the read limit
    [InlineData(5)] // the read limit cuts through the key
    [InlineData(19)]
    public void Redact_ASecretTheReadLimitCutsThrough_LeavesNoPrefixOfIt(int keyCharsBeforeLimit)
    {
        const int max = 100;
        var limit = max + SecretRedactor.Lookahead;
        var text = new string('x', limit - keyCharsBeforeLimit - 1) + " AKIAIOSFODNN7EXAMPLE and more";

        var (redacted, _) = _redactor.Redact(text, max);
        var (alone, _) = _redactor.Redact(text[..limit]); // what redacting after a plain cut would leave

        redacted.ShouldBe(new string('x', max) + "…");
        if (keyCharsBeforeLimit > 0)
        {
            alone.ShouldEndWith("AKIAIOSFODNN7EXAMPLE"[..keyCharsBeforeLimit]);
        }
    }

    [Theory]
    [InlineData(95)] // the key straddles the length the text is cut to
    [InlineData(100)]
    public void Redact_ASecretTheLengthCutsThrough_IsRedactedBeforeTheCut(int keyAt)
    {
        var text = new string('x', keyAt - 1) + " AKIAIOSFODNN7EXAMPLE and more";

        var (redacted, count) = _redactor.Redact(text, 100);

        count.ShouldBe(1);
        redacted.ShouldNotContain("AKIA");
        redacted.ShouldStartWith(new string('x', keyAt - 1) + " [REDACT"[..Math.Min(8, 101 - keyAt)]);
        redacted.Length.ShouldBe(101);
    }

    [Fact]
    public void Redact_WithALength_CutsTheLabelValueAfterRedaction()
    {
        var (redacted, count) = _redactor.Redact("db_password", "hunter2-" + new string('y', 300), 20);

        count.ShouldBe(1);
        redacted.ShouldBe("[REDACTED:secret]");
    }
}
