using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Silences;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class SilenceRulesTests
{
    private static readonly DateTimeOffset T0 = CorrelationFixture.T0;

    [Theory]
    [InlineData("service", "checkout", false, false, true)]
    [InlineData("service", "payments", false, false, false)]
    [InlineData("service", "check.*", true, false, true)]
    [InlineData("service", "check", true, false, false)] // anchored
    [InlineData("service", "payments", false, true, true)]
    [InlineData("severity", "HIGH", false, false, true)]
    [InlineData("source", "my-app", false, false, true)]
    [InlineData("title", "Checkout .*", true, false, true)]
    [InlineData("env", "prod", false, false, true)]
    [InlineData("region", "", false, false, true)] // a missing label is empty
    [InlineData("region", ".+", true, false, false)]
    public void Matches_OneMatcher_AsDocumented(string name, string value, bool regex, bool negative, bool expected)
    {
        var rules = SilenceRules.Compile(Silence([new() { Name = name, Value = value, IsRegex = regex, IsNegative = negative }]));

        rules.Matches(Alerts.Generic(labels: new Dictionary<string, string> { ["env"] = "prod" })).ShouldBe(expected);
    }

    [Fact]
    public void Matches_EveryMatcherMustMatch()
    {
        var rules = SilenceRules.Compile(Silence(
        [
            new() { Name = "service", Value = "checkout" }, new() { Name = "env", Value = "staging" },
        ]));

        rules.Matches(Alerts.Generic(labels: new Dictionary<string, string> { ["env"] = "prod" })).ShouldBeFalse();
        rules.Matches(Alerts.Generic(labels: new Dictionary<string, string> { ["env"] = "staging" })).ShouldBeTrue();
    }

    [Fact]
    public void Matches_NoMatchers_MatchesNothing() =>
        SilenceRules.Compile(Silence([])).Matches(Alerts.Generic()).ShouldBeFalse();

    [Fact]
    public void IsActive_FromStartUntilEnd()
    {
        var rules = SilenceRules.Compile(Silence([new() { Name = "service", Value = "checkout" }]));

        rules.IsActive(T0.AddMinutes(-1)).ShouldBeFalse();
        rules.IsActive(T0).ShouldBeTrue();
        rules.IsActive(T0.AddHours(1).AddTicks(-1)).ShouldBeTrue();
        rules.IsActive(T0.AddHours(1)).ShouldBeFalse();
    }

    private static Silence Silence(IReadOnlyList<SilenceMatcher> matchers) => new()
    {
        Id = "sil-1", Matchers = matchers, StartsAt = T0, EndsAt = T0.AddHours(1), CreatedBy = "test", CreatedAt = T0,
    };
}
