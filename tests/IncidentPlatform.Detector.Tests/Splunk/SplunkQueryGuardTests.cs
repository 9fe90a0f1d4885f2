using IncidentPlatform.Detector.Splunk;

namespace IncidentPlatform.Detector.Tests.Splunk;

/// <summary>
/// What an ad-hoc search may run (issue 15 item 7): an allowlist of read-only commands, checked in the main pipeline and
/// in every subsearch, so commands a blocklist missed (summaryindex, dump, a macro) are refused.
/// </summary>
public sealed class SplunkQueryGuardTests
{
    [Theory]
    [InlineData("index=app level=ERROR | stats count by service")]
    [InlineData("search index=web status>=500 | timechart span=1m count | where count > 10")]
    [InlineData("| tstats count where index=app by host")]
    [InlineData("index=app \"a | delete\" | rex field=_raw \"(?<code>x|y)\" | table code")]
    [InlineData("index=app [ search index=deploys | head 1 | fields host ] | dedup host")]
    [InlineData("index=app | lookup owners service OUTPUT team | top team")]
    public void Refusal_ReadOnlyPipeline_IsNull(string query) => SplunkQueryGuard.Refusal(query).ShouldBeNull();

    [Theory]
    [InlineData("index=app | summaryindex spool=t", "summaryindex")]
    [InlineData("index=app | dump basefilename=x", "dump")]
    [InlineData("index=app | delete", "delete")]
    [InlineData("index=app | stats count | SENDEMAIL to=a@example.com", "SENDEMAIL")]
    [InlineData("index=app [| rest /services/authentication/users | fields title]", "rest")]
    [InlineData("index=app | map search=\"search index=x | collect index=y\"", "map")]
    [InlineData("index=app | `clean_and_collect`", "`…` (a macro")]
    [InlineData("index=app | mycustomcommand", "mycustomcommand")]
    public void Refusal_CommandOutsideTheAllowlist_NamesIt(string query, string command) =>
        SplunkQueryGuard.Refusal(query)!.ShouldStartWith($"The query uses '{command}");

    [Theory]
    [InlineData("index=app | eval x=\"unclosed")]
    [InlineData("index=app [ search index=x | head 1")]
    [InlineData("index=app ] | collect index=y")]
    public void Refusal_UnbalancedQuotesOrBrackets_IsRefused(string query) =>
        SplunkQueryGuard.Refusal(query).ShouldBe("The query has an unclosed quote or unbalanced brackets.");
}
