using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors.PagerDuty;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Executors;

public sealed class PagerDutyExecutorTests : FakeServerTest
{
    private const string ApiKey = "y_NbAkKc66ryYTWUXYEu";
    [Fact]
    public async Task Resolve_PutsTheIncidentReferenceWithStatusResolved()
    {
        Server.On(r => r.Method == "PUT" && r.Path == "/incidents/PT4KHLK", 200,
            """{"incident":{"id":"PT4KHLK","type":"incident","status":"resolved"}}""");
        var run = TestExecutors.Run(CatalogActions.PagerDutyResolve,
            new() { ["incident"] = "PT4KHLK", ["resolution"] = "ECS service redeployed" });

        var outcome = await new PagerDutyResolveExecutor(new HttpClient(), Options()).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeTrue(outcome.Error);
        outcome.Output.ShouldBe("incident PT4KHLK status resolved");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Header("Authorization").ShouldBe($"Token token={ApiKey}");
        request.Header("From").ShouldBe("oncall@example.com");
        request.Header("Accept").ShouldBe("application/vnd.pagerduty+json;version=2");
        request.Header("Content-Type").ShouldStartWith("application/json");
        request.BodyText.ShouldBe("""{"incident":{"type":"incident_reference","status":"resolved","resolution":"ECS service redeployed"}}""");
        outcome.Request.ShouldNotBeNull().ShouldNotContain(ApiKey);
    }

    [Fact]
    public async Task Note_PostsTheNoteContent()
    {
        Server.On(r => r.Method == "POST" && r.Path == "/incidents/PT4KHLK/notes", 201,
            """{"note":{"id":"PWL7QXS","content":"Restarted the service"}}""");
        var run = TestExecutors.Run(CatalogActions.PagerDutyNote, new() { ["incident"] = "PT4KHLK", ["content"] = "Restarted the service" });

        var outcome = await new PagerDutyNoteExecutor(new HttpClient(), Options()).ExecuteAsync(run, CancellationToken.None);

        outcome.Output.ShouldBe("note PWL7QXS added");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Header("Authorization").ShouldBe($"Token token={ApiKey}");
        request.BodyText.ShouldBe("""{"note":{"content":"Restarted the service"}}""");
    }

    [Fact]
    public async Task Resolve_NotFound_FailsWithPagerDutysMessage()
    {
        Server.On(_ => true, 404, """{"error":{"message":"Not Found","code":2100}}""");
        var run = TestExecutors.Run(CatalogActions.PagerDutyResolve, new() { ["incident"] = "PNOTHERE" });

        var outcome = await new PagerDutyResolveExecutor(new HttpClient(), Options()).ExecuteAsync(run, CancellationToken.None);

        outcome.Success.ShouldBeFalse();
        outcome.Error.ShouldBe("PagerDuty answered 404: Not Found");
    }

    [Fact]
    public async Task Resolve_WithoutApiKey_SendsNothing()
    {
        var run = TestExecutors.Run(CatalogActions.PagerDutyResolve, new() { ["incident"] = "PT4KHLK" });
        var options = Microsoft.Extensions.Options.Options.Create(new PagerDutyOptions { BaseUrl = Server.BaseAddress.ToString() });

        var outcome = await new PagerDutyResolveExecutor(new HttpClient(), options).ExecuteAsync(run, CancellationToken.None);

        outcome.Error.ShouldBe("Remediation:PagerDuty:ApiKey and From must be configured");
        Server.Requests.ShouldBeEmpty();
    }

    private IOptions<PagerDutyOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PagerDutyOptions
    {
        BaseUrl = Server.BaseAddress.ToString(), ApiKey = ApiKey, From = "oncall@example.com",
    });
}
