using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Tests.Splunk;

public sealed class SplunkClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static SplunkClient Client(FakeSplunk splunk, TimeProvider? clock = null, Action<SplunkOptions>? configure = null)
    {
        var options = new SplunkOptions { Url = splunk.Server.BaseAddress.ToString(), Token = "s3cret-token", Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new SplunkClient(Options.Create(options), clock ?? TimeProvider.System, NullLogger<SplunkClient>.Instance);
    }

    private static async Task<List<ExportRow>> ExportAsync(SplunkClient client, string query = "index=app level=ERROR | stats count by service")
    {
        var rows = new List<ExportRow>();
        await client.ExportAsync(query, Start, Start.AddMinutes(1), rows.Add, CancellationToken.None);
        return rows;
    }

    [Fact]
    public async Task Export_SendsTheDocumentedRequestAndReadsTheStream()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.Add(Start.AddSeconds(5), "payments", "ERROR pool exhausted");
        splunk.Add(Start.AddSeconds(6), "payments", "ERROR pool exhausted");
        splunk.Add(Start.AddSeconds(59), "checkout", "ERROR upstream 503");
        splunk.Add(Start.AddMinutes(1), "checkout", "ERROR the next window");
        using var client = Client(splunk);

        var rows = await ExportAsync(client);

        var request = splunk.Exports.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("Authorization").ShouldBe("Bearer s3cret-token");
        request.Header("Content-Type").ShouldStartWith("application/x-www-form-urlencoded");
        var form = request.Form();
        form["search"].ShouldBe("search index=app level=ERROR | stats count by service");
        form["output_mode"].ShouldBe("json");
        form["earliest_time"].ShouldBe(Start.ToUnixTimeSeconds().ToString());
        form["latest_time"].ShouldBe(Start.AddMinutes(1).ToUnixTimeSeconds().ToString());
        rows.Select(r => (r.Fields["service"], r.Fields["count"], r.Preview)).ShouldBe([("checkout", "1", false), ("payments", "2", false)]);
    }

    [Fact]
    public async Task Export_SplunkAuthSchemeAndGeneratingSearch_SentAsGiven()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        using var client = Client(splunk, configure: o => o.AuthScheme = "Splunk");

        await ExportAsync(client, "| tstats count where index=app by service");

        var request = splunk.Exports.ShouldHaveSingleItem();
        request.Header("Authorization").ShouldBe("Splunk s3cret-token");
        request.Form()["search"].ShouldBe("| tstats count where index=app by service");
    }

    [Theory]
    [InlineData("index=app error", "search index=app error")]
    [InlineData("  search index=app error ", "search index=app error")]
    [InlineData("SEARCH\tindex=app", "SEARCH\tindex=app")]
    [InlineData("searchable=true", "search searchable=true")]
    [InlineData("| tstats count", "| tstats count")]
    public void Normalize_Query_StartsWithASearchCommandOrAPipe(string query, string sent) =>
        SplunkClient.Normalize(query).ShouldBe(sent);

    [Theory]
    [InlineData(401, "WARN", "call not properly authenticated", "Unauthorized")]
    [InlineData(400, "FATAL", "Error in 'search' command: Unable to parse the search: unbalanced parentheses.", "BadRequest")]
    [InlineData(503, "ERROR", "Search not executed: the server is too busy", "Unavailable")]
    public async Task Export_ErrorStatus_ThrowsWithSplunksMessage(int status, string type, string text, string kind)
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.FailWith(status, type, text);
        using var client = Client(splunk);

        var error = await Should.ThrowAsync<SplunkSearchException>(() => ExportAsync(client));

        error.Kind.ToString().ShouldBe(kind);
        error.Status.ShouldBe(status);
        error.Message.ShouldContain(text);
    }

    [Fact]
    public async Task Export_ErrorMessageInTheStream_FailsTheSearch()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.Server.On(r => r.Path == FakeSplunk.ExportPath, 200,
            "{\"preview\":false,\"offset\":0,\"result\":{\"service\":\"a\",\"count\":\"1\"}}\n" +
            FakeSplunk.Messages("ERROR", "Search auto-canceled") + "\n");
        using var client = Client(splunk);

        var error = await Should.ThrowAsync<SplunkSearchException>(() => ExportAsync(client));

        error.Kind.ShouldBe(SplunkErrorKind.SearchFailed);
        error.Message.ShouldContain("Search auto-canceled");
    }

    [Fact]
    public async Task Export_ConnectionCutMidStream_IsABrokenStream()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        var firstRowRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        splunk.Server.On(r => r.Path == FakeSplunk.ExportPath, async (_, response) =>
        {
            await response.WriteAsync("{\"preview\":false,\"offset\":0,\"result\":{\"service\":\"a\",\"count\":\"1\"}}\n");
            await response.Body.FlushAsync();
            await firstRowRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
            response.HttpContext.Abort(); // a reset: the client must not mistake the one row for the whole result
        });
        using var client = Client(splunk);

        var error = await Should.ThrowAsync<SplunkSearchException>(() =>
            client.ExportAsync("index=app", Start, Start.AddMinutes(1), _ => firstRowRead.TrySetResult(), CancellationToken.None));

        error.Kind.ShouldBe(SplunkErrorKind.BrokenStream);
    }

    [Fact]
    public async Task Export_StreamEndingWithoutItsLastRow_IsABrokenStream()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.Server.On(r => r.Path == FakeSplunk.ExportPath, 200,
            "{\"preview\":false,\"offset\":0,\"result\":{\"service\":\"a\",\"count\":\"1\"}}\n{\"preview\":false,\"offs");
        using var client = Client(splunk);

        (await Should.ThrowAsync<SplunkSearchException>(() => ExportAsync(client))).Kind.ShouldBe(SplunkErrorKind.BrokenStream);
    }

    [Fact]
    public async Task Export_NoAnswerWithinTheTimeout_TimesOutOnTheInjectedClock()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.Server.On(r => r.Path == FakeSplunk.ExportPath, (_, response) => Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted));
        var clock = new FakeClock(CorrelationFixture.T0);
        using var client = Client(splunk, clock);

        var export = ExportAsync(client);
        await splunk.Server.WaitForRequestAsync(r => r.Path == FakeSplunk.ExportPath, TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(11));

        (await Should.ThrowAsync<SplunkSearchException>(() => export)).Kind.ShouldBe(SplunkErrorKind.Timeout);
    }

    [Fact]
    public async Task Export_NothingListening_IsAConnectionError()
    {
        var port = Testing.FreePort.Next();
        using var client = new SplunkClient(Options.Create(new SplunkOptions { Url = $"http://127.0.0.1:{port}", Token = "t" }),
            TimeProvider.System, NullLogger<SplunkClient>.Instance);

        var error = await Should.ThrowAsync<SplunkSearchException>(() =>
            client.ExportAsync("index=x", Start, Start.AddMinutes(1), _ => { }, CancellationToken.None));

        error.Kind.ShouldBe(SplunkErrorKind.Connection);
    }

    [Fact]
    public async Task Export_SelfSignedCertificate_RefusedUnlessItsCaIsTrustedOrVerificationIsOff()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var splunk = await FakeSplunk.StartAsync(certificate);
        var ca = TestCertificates.WritePem(certificate);
        try
        {
            using var verifying = Client(splunk);
            var refused = await Should.ThrowAsync<SplunkSearchException>(() => ExportAsync(verifying));
            refused.Kind.ShouldBe(SplunkErrorKind.Connection);
            refused.Message.ShouldContain("SSL");

            using var trusting = Client(splunk, configure: o => o.CaCertificateFile = ca);
            await ExportAsync(trusting);

            using var insecure = Client(splunk, configure: o => o.InsecureSkipVerify = true);
            await ExportAsync(insecure);
            splunk.Exports.Count.ShouldBe(2);
        }
        finally
        {
            File.Delete(ca);
        }
    }
}
