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
    public void Hmac_PrefixThenBody_IsOneMessage()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("v0:1:ab")));

        WebhookSignature.Hmac("s3cret", "v0:1:", "ab"u8).ShouldBe(expected);
        WebhookSignature.Hmac("s3cret", "", "v0:1:ab"u8).ShouldBe(expected);
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
