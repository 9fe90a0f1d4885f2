using System.Text;
using IncidentPlatform.Gateway.Slack;

namespace IncidentPlatform.Gateway.Tests.Slack;

public sealed class SlackSignatureTests
{
    // The worked example in Slack's "Verifying requests from Slack".
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Compute_SlacksDocumentedExample_GivesTheDocumentedSignature() =>
        SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)).ShouldBe(Signature);

    [Fact]
    public void Verify_SlacksDocumentedExampleWithinTheWindow_Passes() =>
        SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SentAt.AddMinutes(4), Window).ShouldBeNull();

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    public void Verify_OutsideTheFiveMinuteWindow_IsRefusedAsAReplay(int minutes) =>
        SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SentAt.AddMinutes(minutes), Window)
            .ShouldNotBeNull().ShouldContain("outside the 5-minute window");

    [Fact]
    public void Verify_ChangedBody_IsRefused() =>
        SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "coyote")), SentAt, Window)
            .ShouldBe("The signature does not match.");

    [Fact]
    public void Verify_OtherSecret_IsRefused() =>
        SlackSignature.Verify("another-secret", Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SentAt, Window)
            .ShouldBe("The signature does not match.");

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("yesterday", Signature)]
    [InlineData(Timestamp, "v0=short")]
    public void Verify_MissingOrMalformedHeaders_IsRefused(string? timestamp, string? signature) =>
        SlackSignature.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), SentAt, Window).ShouldNotBeNull();
}
