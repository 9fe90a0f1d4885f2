namespace IncidentPlatform.Templating.Tests;

public sealed class PlaceholderTemplateTests
{
    private static readonly TemplateVocabulary Vocabulary = new(
        path => path is "incident.id" or "service" || path.StartsWith("labels.", StringComparison.Ordinal) && path.Length > 7,
        "incident.id, service, labels.<name>");

    [Fact]
    public void Parse_TextAndPlaceholders_KeepsThemApartInOrder()
    {
        var template = PlaceholderTemplate.Parse("restart {{service}} in {{ labels.app.kubernetes.io/name }}!", Vocabulary);

        template.Parts.ShouldBe([
            new TemplatePart("restart ", false), new TemplatePart("service", true), new TemplatePart(" in ", false),
            new TemplatePart("labels.app.kubernetes.io/name", true), new TemplatePart("!", false),
        ]);
        template.Paths.ShouldBe(["service", "labels.app.kubernetes.io/name"]);
        template.IsStatic.ShouldBeFalse();
    }

    [Fact]
    public void Render_PlacesEachValueOnce_NeverReadingAValueAsATemplate()
    {
        var template = PlaceholderTemplate.Parse("{{service}}/{{incident.id}}", Vocabulary);

        template.Render(path => path == "service" ? "{{incident.id}}" : null).ShouldBe("{{incident.id}}/");
    }

    [Fact]
    public void Parse_NoPlaceholder_IsStaticText()
    {
        var template = PlaceholderTemplate.Parse("plain } text {", Vocabulary);

        template.IsStatic.ShouldBeTrue();
        template.Render(_ => "unused").ShouldBe("plain } text {");
    }

    [Theory]
    [InlineData("x {{service", "'{{' at character 3 is never closed with '}}'")]
    [InlineData("{{secrets.key}}", "'{{secrets.key}}' names no known value (known: incident.id, service, labels.<name>)")]
    [InlineData("{{ incident id }}", "'{{incident id}}' names no known value")]
    [InlineData("{{}}", "'{{}}' names no known value")]
    [InlineData("{{labels.{{service}}}}", "'{{labels.{{service}}' names no known value")]
    public void Parse_Invalid_SaysWhy(string source, string expected)
    {
        Should.Throw<FormatException>(() => PlaceholderTemplate.Parse(source, Vocabulary)).Message.ShouldStartWith(expected);
        PlaceholderTemplate.TryParse(source, Vocabulary, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldStartWith(expected);
    }
}
