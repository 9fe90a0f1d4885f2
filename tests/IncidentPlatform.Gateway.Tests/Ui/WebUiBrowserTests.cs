using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The web UI in Debian's Chromium driven by Playwright, against the gateway on a real port.</summary>
public sealed class WebUiBrowserTests
{
    [Fact]
    public async Task SignIn_IncidentAppearsLive_OpenIt_Approve_StateChanges()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        var book = new FakeRemediationBook(host.Services.GetRequiredService<IDocumentStore>());
        fakes.Decide = book.Decide;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);

        await page.GotoAsync(new Uri(host.Address, "/ui/").ToString());
        await page.GetByLabel("API key").FillAsync(TestKeys.Approver);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");

        const string title = "Checkout <img src=x onerror=alert(1)> down";
        (await host.Client(TestKeys.Writer).PostAsync("/api/alerts", Wire.Alert(title: title, service: "checkout"))).EnsureSuccessStatusCode();
        var link = page.GetByRole(AriaRole.Link, new() { Name = title });
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await page.Locator("#incident-rows img").CountAsync()).ShouldBe(0);

        var incident = (await host.Services.GetRequiredService<IIncidentStore>().ListAsync(new IncidentQuery { Service = "checkout" })).Items.Single();
        await book.AddAsync(RemediationSamples.Pending("rem-ui-1", incident.Id) with { Version = 1 });
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToHaveTextAsync(title);
        var card = page.Locator("[data-remediation='rem-ui-1']");
        await Assertions.Expect(card.Locator(".state")).ToHaveTextAsync("Waiting for approval");

        await card.GetByRole(AriaRole.Button, new() { Name = "Approve aws.ecs.force-new-deployment" }).ClickAsync();

        await Assertions.Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "approved");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var decision = fakes.Of<DecideRemediation>().Single();
        (decision.Actor, decision.Approve, decision.Channel).ShouldBe(("approver", true, "ui"));
        book.Remediations["rem-ui-1"].State.ShouldBe(RemediationState.Approved);
        console.ShouldNotContain(m => m.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WrongKey_StaysOnLoginWithError()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(host.Address, "/").ToString());
        await page.GetByLabel("API key").FillAsync("not-a-valid-key-0000000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("Your API key was not accepted.");
        (await page.EvaluateAsync<string?>("sessionStorage.getItem('incidentplatform.apiKey')")).ShouldBeNull();
        page.Url.ShouldNotContain("key");
    }
}
