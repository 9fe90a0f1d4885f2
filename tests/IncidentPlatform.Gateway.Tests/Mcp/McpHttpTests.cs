using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Tests.Mcp;

public sealed class McpHttpTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    [InlineData(null)]
    public async Task SdkClient_EachProtocolRevision_ListsToolsAndCallsOne(string? version)
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0, "Checkout latency");
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader, version);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var result = await client.CallToolAsync("incident_management",
            new Dictionary<string, object?> { ["action"] = "list" }, cancellationToken: TestContext.Current.CancellationToken);

        client.NegotiatedProtocolVersion.ShouldBe(version ?? "2026-07-28");
        tools.Select(t => t.Name).ShouldContain("incident_management");
        result.IsError.ShouldNotBe(true);
        var items = result.StructuredContent!.Value.GetProperty("items");
        items.EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([incident.Id]);
        ((TextContentBlock)result.Content[0]).Text.ShouldStartWith("1 incident(s).");
    }

    [Fact]
    public async Task Post_AcceptingOnlyJson_AnswersPlainJson()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Reader);

        using var response = await client.PostAsync("/mcp", Wire.Body(
            """{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"8"}}}"""));
        var initialize = await response.ReadAsync();
        using var list = await client.PostAsync("/mcp", Wire.Body("""{"jsonrpc":"2.0","id":8,"method":"tools/list"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        initialize.GetProperty("id").GetInt32().ShouldBe(7);
        initialize.GetProperty("result").GetProperty("protocolVersion").GetString().ShouldBe("2025-06-18");
        initialize.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("incidentplatform");
        list.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await list.ReadAsync()).GetProperty("result").GetProperty("tools").GetArrayLength().ShouldBeGreaterThan(0);
    }

    // curl sends "Accept: */*"; some clients send none.
    [Theory]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task Post_NotAskingForEventStream_AnswersPlainJson(string? accept)
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Reader);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = Wire.Body("""{"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{"name":"incident_management","arguments":{"action":"list"}}}"""),
        };
        request.Headers.Accept.Clear();
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request);
        var answer = await response.ReadAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        answer.GetProperty("id").GetString().ShouldBe("a-1");
        answer.GetProperty("result").GetProperty("structuredContent").GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Post_MessageOverOneMiB_Returns413JsonRpcError()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var title = new string('x', 1100 * 1024);

        using var response = await host.Client(TestKeys.Writer).PostAsync("/mcp", Wire.Body(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0", id = 1, method = "tools/call",
            @params = new { name = "incident_management", arguments = new { action = "create", title } },
        })));
        var error = await response.ReadAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32600);
        error.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("1024 KiB");
    }

    [Fact]
    public async Task ToolsList_SchemasComeFromTheTypedParameters()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var tools = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(t => t.Name);

        var incidents = tools["incident_management"].ProtocolTool.InputSchema;
        incidents.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["action"]);
        var properties = incidents.GetProperty("properties");
        properties.GetProperty("action").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["list", "search", "get", "create", "update", "acknowledge", "resolve", "delete"]);
        properties.GetProperty("pageSize").GetProperty("maximum").GetInt32().ShouldBe(50);
        properties.GetProperty("id").GetProperty("maxLength").GetInt32().ShouldBe(100);
        properties.GetProperty("id").GetProperty("description").GetString()!.ShouldStartWith("Incident id");
        properties.TryGetProperty("user", out _).ShouldBeFalse(); // the caller is bound by the SDK, not sent by the model
        tools["root_cause_analysis"].ProtocolTool.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString())
            .ShouldBe(["id"]);
        tools["remediation_decision"].ProtocolTool.Annotations!.DestructiveHint.ShouldBe(true);
        tools.Keys.ShouldBe(["incident_management", "incident_detection", "root_cause_analysis", "slack_notifications",
            "remediation_suggestions", "remediation_decision", "remediation_resolve", "dead_letters", "silences", "incident_kpis"], ignoreOrder: true);
    }

    [Fact]
    public async Task ToolsList_RemediationSuggestions_DescribesTheCatalogFromItsOneDefinition()
    {
        await using var host = await GatewayTestHost.StartAsync();
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var tools = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(t => t.Name);

        var description = tools["remediation_suggestions"].Description;
        description.ShouldStartWith("The actions the remediation policy allows");
        foreach (var action in ActionCatalog.Actions)
        {
            description.ShouldContain($"{action.Id}({string.Join(", ", action.Parameters.Select(p => p.Name))})");
        }

        description.ShouldContain("aws.autoscaling.set-desired-capacity(group, desired, honorCooldown)");
    }

    [Fact]
    public async Task Post_AcceptingEventStream_AnswersSse()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Reader);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = Wire.Body("""{"jsonrpc":"2.0","id":1,"method":"ping"}""") };
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        body.ShouldContain("event: message");
        body.ShouldContain("\"id\":1");
    }

    [Fact]
    public async Task Post_Notification_Returns202WithoutBody()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).PostAsync("/mcp",
            Wire.Body("""{"jsonrpc":"2.0","method":"notifications/initialized"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    // The SDK answers unparsable JSON with -32600 (Invalid Request), not JSON-RPC's -32700: a JSON-RPC error either way.
    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,", -32600)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600)]
    [InlineData("{\"id\":1,\"method\":\"ping\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600)]
    [InlineData("42", -32600)]
    public async Task Post_Malformed_ReturnsJsonRpcError(string body, int code)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).PostAsync("/mcp", Wire.Body(body));
        var error = await response.ReadAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.GetProperty("jsonrpc").GetString().ShouldBe("2.0");
        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(code);
    }

    [Fact]
    public async Task CallTool_Unknown_ReturnsJsonRpcError()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).PostAsync("/mcp", Wire.Body(
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"format_disk","arguments":{}}}"""));
        var error = await response.ReadAsync();

        error.GetProperty("id").GetInt32().ShouldBe(3);
        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32602);
        error.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("format_disk");
    }

    [Fact]
    public async Task Post_UnsupportedProtocolVersionHeader_Returns400()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Reader);
        client.DefaultRequestHeaders.Add("MCP-Protocol-Version", "1999-01-01");

        using var response = await client.PostAsync("/mcp", Wire.Body("""{"jsonrpc":"2.0","id":1,"method":"ping"}"""));
        var error = await response.ReadAsync();

        // A stateless server advertises the revisions that need no session (older clients still negotiate theirs).
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.GetProperty("error").GetProperty("data").GetProperty("supported").EnumerateArray()
            .Select(v => v.GetString()).ShouldContain("2026-07-28");
    }

    [Fact]
    public async Task Post_July2026WithMismatchedMethodHeader_Returns400HeaderMismatch()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var client = host.Client(TestKeys.Reader);
        client.DefaultRequestHeaders.Add("MCP-Protocol-Version", "2026-07-28");
        client.DefaultRequestHeaders.Add("Mcp-Method", "prompts/list");

        using var response = await client.PostAsync("/mcp", Wire.Body(
            """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("error").GetProperty("code").GetInt32().ShouldBe((int)ModelContextProtocol.McpErrorCode.HeaderMismatch);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task GetOrDelete_Returns405Problem(string method)
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).SendAsync(new HttpRequestMessage(new HttpMethod(method), "/mcp"));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Content.Headers.Allow.ShouldContain("POST");
    }

    [Fact]
    public async Task Post_WithoutKey_Returns401()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(apiKey: null).PostAsync("/mcp", Wire.Body("""{"jsonrpc":"2.0","id":1,"method":"ping"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ToolsList_StaysUnder3000Tokens()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Reader).PostAsync("/mcp", Wire.Body("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""));
        var json = JsonSerializer.Serialize((await response.ReadAsync()).GetProperty("result"));

        TestContext.Current.TestOutputHelper!.WriteLine($"tools/list: {json.Length} characters, ~{json.Length / 4} tokens");
        (json.Length / 4).ShouldBeLessThan(3000);
    }
}
