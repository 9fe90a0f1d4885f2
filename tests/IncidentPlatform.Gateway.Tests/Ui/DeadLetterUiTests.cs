using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The dead-letter page: what failed where and why, and an admin's discard.</summary>
public sealed class DeadLetterUiTests
{
    [Fact]
    public async Task DeadLetterPage_ListsTheLastErrorAndDiscardsOne()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IDeadLetterStore>();
        await store.RecordAsync(new DeadLetter("dl-1", "notifier-incident-opened", ["urn:message:IncidentPlatform.Contracts:IncidentOpened"],
            "System.TimeoutException", "Slack did not answer", DateTimeOffset.UtcNow, "host-a", null, "{}"), CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Admin, "/ui/#/dead-letters");

        var row = page.Locator("tr[data-dead-letter='dl-1']");
        await Assertions.Expect(row).ToContainTextAsync("notifier-incident-opened");
        await Assertions.Expect(row).ToContainTextAsync("IncidentOpened");
        await Assertions.Expect(row).ToContainTextAsync("TimeoutException: Slack did not answer");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dead letters" })).ToHaveAttributeAsync("aria-current", "page");
        await row.GetByRole(AriaRole.Button, new() { Name = "Discard dl-1" }).ClickAsync();

        await Assertions.Expect(page.Locator("#dead-letter-list")).ToContainTextAsync("No dead letters");
        (await store.ListAsync(10, CancellationToken.None)).ShouldBeEmpty();
    }
}
