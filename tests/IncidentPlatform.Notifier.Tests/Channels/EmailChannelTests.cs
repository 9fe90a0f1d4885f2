using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class EmailChannelTests
{
    private static Dictionary<string, string?> Email(SmtpServer smtp, params (string, string?)[] extra) =>
        ChannelConfig.Channel("ops-mail", "email",
        [
            ("Host", smtp.Host), ("Port", smtp.Port.ToString()), ("From", "incidents@example.com"),
            ("To:0", "oncall@example.com"), ("To:1", "lead@example.com"), ("TrustedCertificate", smtp.CertificatePath),
            ("CoalesceWindow", "00:00:00"), ("RetryDelay", "00:00:00.010"), .. extra,
        ]);

    [Theory]
    [InlineData("")]
    [InlineData("PLAIN")]
    public async Task IncidentOpened_OverStartTlsWithAuth_SendsMultipartTextAndHtml(string excluded)
    {
        // Excluding PLAIN makes the client fall back to AUTH LOGIN.
        await using var smtp = await SmtpServer.StartAsync(
            startTls: true, user: "mailer", password: "p4ss", excludeMechanisms: excluded.Split(',', StringSplitOptions.RemoveEmptyEntries));
        await using var host = await NotifierHost.StartAsync(Email(smtp, ("Username", "mailer"), ("Password", "p4ss")));
        var incident = TestData.Incident(title: "Pool <exhausted> & ünïcode");

        await host.PublishAsync(TestData.Opened(incident));

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
        mail.Tls.ShouldBeTrue();
        mail.AuthenticatedAs.ShouldBe("mailer");
        mail.EnvelopeFrom.ShouldBe("incidents@example.com");
        mail.EnvelopeTo.ShouldBe(["oncall@example.com", "lead@example.com"]);
        var message = Parse(mail);
        message.Subject.ShouldBe("[High] Pool <exhausted> & ünïcode");
        message.References.ShouldBe([$"{incident.Id}@example.com"]);
        message.InReplyTo.ShouldBe($"{incident.Id}@example.com");
        message.MessageId.ShouldEndWith("@example.com");
        message.Body.ShouldNotBeNull().ContentType.MimeType.ShouldBe("multipart/alternative");
        message.TextBody.ShouldNotBeNull().ShouldContain("Incident: Pool <exhausted> & ünïcode");
        var html = message.HtmlBody.ShouldNotBeNull();
        html.ShouldContain("Pool &lt;exhausted&gt; &amp; ");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("Pool <exhausted> & ünïcode");
        html.ShouldNotContain("<exhausted>");
        html.ShouldContain("<strong>Incident:</strong>");
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task WrongPassword_IsAPermanentFailure()
    {
        await using var smtp = await SmtpServer.StartAsync(startTls: true, user: "mailer", password: "p4ss");
        await using var host = await NotifierHost.StartAsync(Email(smtp, ("Username", "mailer"), ("Password", "wrong")));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Attempts.ShouldBe(1);
        delivery.Detail.ShouldNotBeNull().ShouldContain("535");
        smtp.Read().ShouldBeEmpty();
    }

    [Fact]
    public async Task UntrustedServerCertificate_RefusesToSend()
    {
        await using var smtp = await SmtpServer.StartAsync(startTls: true);
        var config = Email(smtp);
        config.Remove("Notifier:Channels:ops-mail:TrustedCertificate");
        await using var host = await NotifierHost.StartAsync(config);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Detail.ShouldNotBeNull().ShouldContain("SMTP TLS");
        smtp.Read().ShouldBeEmpty();
    }

    [Fact]
    public async Task ServerWithoutStartTls_WhenTheChannelRequiresIt_IsAPermanentFailureAndSendsNothing()
    {
        await using var smtp = await SmtpServer.StartAsync(startTls: false);
        await using var host = await NotifierHost.StartAsync(Email(smtp));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));

        var delivery = (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Attempts.ShouldBe(1);
        delivery.Detail.ShouldNotBeNull().ShouldContain("STARTTLS");
        smtp.Read().ShouldBeEmpty();
    }

    [Fact]
    public async Task StartTlsOff_SendsInTheClearWithoutAuth()
    {
        await using var smtp = await SmtpServer.StartAsync(startTls: false);
        await using var host = await NotifierHost.StartAsync(Email(smtp, ("StartTls", "false")));
        var incident = TestData.Incident(title: "Disk full");

        await host.PublishAsync(TestData.Opened(incident));

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
        mail.Tls.ShouldBeFalse();
        mail.AuthenticatedAs.ShouldBeNull();
        Parse(mail).Subject.ShouldBe("[High] Disk full");
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    private static MimeKit.MimeMessage Parse(ReceivedMail mail) =>
        MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Raw)));
}
