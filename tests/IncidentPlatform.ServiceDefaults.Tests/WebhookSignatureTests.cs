using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"incidentId":"inc-1"}""");

    [Fact]
    public void Sign_IsTheHmacOfTimestampDotBody()
    {
        var expected = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("""1767225600.{"incidentId":"inc-1"}""")));

        WebhookSignature.Sign("s3cret", 1767225600, Body).ShouldBe("sha256=" + expected);
    }

    [Fact]
    public void Sign_OtherTimestampSecretOrBody_SignsDifferently()
    {
        var signature = WebhookSignature.Sign("s3cret", 1767225600, Body);

        WebhookSignature.Sign("s3cret", 1767225601, Body).ShouldNotBe(signature);
        WebhookSignature.Sign("other", 1767225600, Body).ShouldNotBe(signature);
        WebhookSignature.Sign("s3cret", 1767225600, Encoding.UTF8.GetBytes("""{"incidentId":"inc-2"}""")).ShouldNotBe(signature);
    }

    [Fact]
    public void Hmac_SlacksDocumentedExample_Verifies()
    {
        // Slack's documented request-signing example: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}">.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        var signature = "v0=" + WebhookSignature.Hmac("8f742231b10e8888abcd99yyyzzz85a5", "v0:1531420618:", Encoding.UTF8.GetBytes(body));

        WebhookSignature.Matches("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature).ShouldBeTrue();
    }

    [Fact]
    public void Matches_DifferentOrMissing_IsFalse()
    {
        WebhookSignature.Matches("sha256=ab", "sha256=ab").ShouldBeTrue();
        WebhookSignature.Matches("sha256=ab", "sha256=ac").ShouldBeFalse();
        WebhookSignature.Matches("sha256=ab", "sha256=abc").ShouldBeFalse();
        WebhookSignature.Matches("sha256=ab", null).ShouldBeFalse();
    }
}
