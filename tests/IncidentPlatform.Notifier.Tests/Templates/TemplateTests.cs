using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Templates;

public sealed class TemplateTests
{
    private static NotificationEvent Event(string title = "Pool <exhausted> & *down*") =>
        NotificationEventFactory.From(TestData.Opened(TestData.Incident(title: title,
            labels: new Dictionary<string, string> { ["region"] = "eu-west-1" })));

    [Fact]
    public void Render_FieldsAndLabels_ArePlacedAsValues()
    {
        var template = MessageTemplate.TryParse("{{event.summary}} in {{incident.labels.region}}: {{ incident.title }} ({{incident.severity}})", out var error);

        error.ShouldBeNull();
        template.ShouldNotBeNull().Render(Event()).ToPlain().ShouldBe("Incident opened in eu-west-1: Pool <exhausted> & *down* (High)");
    }

    [Theory]
    [InlineData("{{incident.secret}}", "'{{incident.secret}}' names no known value (known: event.type, ")]
    [InlineData("{{incident.title", "'{{' at character 1 is never closed with '}}'")]
    [InlineData("{{ Incident Title }}", "'{{Incident Title}}' names no known value")]
    public void TryParse_InvalidTemplate_SaysWhy(string source, string expected)
    {
        MessageTemplate.TryParse(source, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldStartWith(expected);
    }

    [Fact]
    public void Formats_EscapeValuesButKeepTheTemplatesOwnMarkup()
    {
        var text = MessageTemplate.TryParse("*Alert*: {{incident.title}}", out _)!.Render(Event());

        TextFormats.ToSlackMrkdwn(text).ShouldBe("*Alert*: Pool &lt;exhausted&gt; &amp; *down*");
        TextFormats.ToHtml(text).ShouldBe("*Alert*: Pool &lt;exhausted&gt; &amp; *down*");
        TextFormats.ToCardMarkdown(text).ShouldBe(@"*Alert*: Pool \<exhausted\> & \*down\*");
    }

    [Fact]
    public void ToAdf_LinesBecomeParagraphsAndLabelsStrong()
    {
        var adf = TextFormats.ToAdf(new RenderedText().Field("Incident", "a <b>").Field("Service", "checkout"));

        adf["type"]!.GetValue<string>().ShouldBe("doc");
        var paragraphs = adf["content"]!.AsArray();
        paragraphs.Count.ShouldBe(2);
        var first = paragraphs[0]!["content"]!.AsArray();
        first[0]!["text"]!.GetValue<string>().ShouldBe("Incident:");
        first[0]!["marks"]![0]!["type"]!.GetValue<string>().ShouldBe("strong");
        first[2]!["text"]!.GetValue<string>().ShouldBe("a <b>");
    }

    [Fact]
    public void Value_ControlCharacters_AreRemoved() =>
        new RenderedText().Value("bell\u0007 and\u001b[31m escape\nnew line").ToPlain().ShouldBe("bell and[31m escape\nnew line");

    [Fact]
    public async Task ChannelTemplate_IsUsedForThatChannel()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(_ => true, 200, "ok", "text/plain");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("ops-slack", "slack-webhook",
            ("Url", new Uri(fake.BaseAddress, "slack").ToString()),
            ("Template:Title", ":rotating_light: {{incident.title}}"),
            ("Template:Text", "_{{event.summary}}_ for *{{incident.service}}* <!here>")));

        await host.PublishAsync(TestData.Opened(TestData.Incident(service: "<b>checkout</b>")));

        var section = fake.Requests.ShouldHaveSingleItem().Json().GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();
        section.ShouldBe("*:rotating_light: Checkout errors*\n_Incident opened_ for *&lt;b&gt;checkout&lt;/b&gt;* <!here>");
    }
}
