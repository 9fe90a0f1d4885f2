using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IncidentPlatform.Gateway.Intake.Sns;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class SnsSignatureTests
{
    [Fact]
    public void CanonicalString_Notification_IsTheDocumentedNameValueLinesInOrder()
    {
        var message = new SnsMessage
        {
            Type = "Notification", MessageId = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324", TopicArn = "arn:aws:sns:us-west-2:123456789012:MyTopic",
            Subject = "My First Message", Message = "Hello world!\nLine two", Timestamp = "2012-05-02T00:54:06.655Z",
            SignatureVersion = "1", SigningCertUrl = "https://sns.us-west-2.amazonaws.com/x.pem", UnsubscribeUrl = "https://x",
        };

        SnsSignature.CanonicalString(message).ShouldBe(
            "Message\nHello world!\nLine two\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubject\nMy First Message\n" +
            "Timestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n");
        SnsSignature.CanonicalString(message with { Subject = null }).ShouldBe(
            "Message\nHello world!\nLine two\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n" +
            "Timestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n");
    }

    [Fact]
    public void CanonicalString_Confirmation_IncludesSubscribeUrlAndToken()
    {
        var message = new SnsMessage
        {
            Type = "SubscriptionConfirmation", MessageId = "m", Token = "t0k", TopicArn = "arn", Message = "You have chosen…",
            SubscribeUrl = "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription", Timestamp = "2012-04-26T20:45:04.751Z",
            Subject = "ignored for confirmations",
        };

        SnsSignature.CanonicalString(message).ShouldBe(
            "Message\nYou have chosen…\nMessageId\nm\nSubscribeURL\nhttps://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription\n" +
            "Timestamp\n2012-04-26T20:45:04.751Z\nToken\nt0k\nTopicArn\narn\nType\nSubscriptionConfirmation\n");
        SnsSignature.CanonicalString(message with { Token = null }).ShouldBeNull();
    }

    [Theory]
    [InlineData("sns-real-sha1.json")]
    [InlineData("sns-real-sha256.json")]
    public void Verify_RealMessagesSignedBySns_AreAuthentic(string file)
    {
        using var certificate = RealCertificate();

        SnsSignature.Verify(Real(file), certificate, allowVersion1: true).ShouldBeNull();
    }

    [Theory]
    [InlineData("sns-real-sha1.json")]
    [InlineData("sns-real-sha256.json")]
    public void Verify_RealMessageAltered_IsRefused(string file)
    {
        using var certificate = RealCertificate();
        var message = Real(file);

        SnsSignature.Verify(message with { Message = "Hello world!" }, certificate, allowVersion1: true).ShouldBe("The signature does not match the message.");
        SnsSignature.Verify(message with { TopicArn = message.TopicArn + "x" }, certificate, allowVersion1: true).ShouldNotBeNull();
        SnsSignature.Verify(message with { SignatureVersion = "3" }, certificate, allowVersion1: true)!.ShouldContain("SignatureVersion");
        SnsSignature.Verify(message with { Signature = "not base64!" }, certificate, allowVersion1: true).ShouldBe("Signature is not base64.");
    }

    [Fact]
    public void Verify_SignatureVersionSwapped_IsRefused()
    {
        using var certificate = RealCertificate();
        var sha1 = Real("sns-real-sha1.json");

        SnsSignature.Verify(sha1 with { SignatureVersion = "2" }, certificate, allowVersion1: true).ShouldNotBeNull();
    }

    [Fact]
    public void Verify_Sha1SignatureWhenVersion1IsNotAllowed_IsRefusedSayingHowToMoveOn()
    {
        using var certificate = RealCertificate();

        SnsSignature.Verify(Real("sns-real-sha1.json"), certificate, allowVersion1: false)!
            .ShouldStartWith("SignatureVersion 1 (SHA1) is not accepted: set the topic's SignatureVersion attribute to 2");
        SnsSignature.Verify(Real("sns-real-sha256.json"), certificate, allowVersion1: false).ShouldBeNull();
    }

    internal static SnsMessage Real(string file) => JsonSerializer.Deserialize(TestData.Read(file), SnsJsonContext.Default.SnsMessage)!;

    internal static X509Certificate2 RealCertificate() => X509Certificate2.CreateFromPem(TestData.Read("sns-real-certificate.pem"));
}
