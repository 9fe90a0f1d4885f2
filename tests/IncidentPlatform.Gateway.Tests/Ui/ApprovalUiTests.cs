using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentPlatform.Gateway.Tests.Ui;

/// <summary>The incident page's remediation cards: a high-risk approval asks for confirmation first.</summary>
public sealed class ApprovalUiTests
{
    [Fact]
    public async Task HighRiskApprove_AsksForConfirmation_CancelSendsNothing_ConfirmSendsTheComment()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        var book = new FakeRemediationBook(host.Services.GetRequiredService<IDocumentStore>());
        fakes.Decide = book.Decide;
        var incident = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, DateTimeOffset.UtcNow, "CPU pinned on orders");
        await book.AddAsync(RemediationSamples.Pending("rem-high-1", incident.Id) with
        {
            ActionId = CatalogActions.Ec2RebootInstances, Risk = RiskLevel.High, DryRun = true, Target = "i-0a1b2c3d4e5f60718",
            Parameters = new Dictionary<string, string> { ["instanceIds"] = "i-0a1b2c3d4e5f60718" }, Version = 1,
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host, TestKeys.Approver, $"/ui/#/incidents/{incident.Id}");
        var card = page.Locator("[data-remediation='rem-high-1']");
        var approve = card.GetByRole(AriaRole.Button, new() { Name = "Approve aws.ec2.reboot-instances" });
        var dialog = page.GetByRole(AriaRole.Dialog);

        await approve.ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Approve a high-risk action?");
        await Assertions.Expect(dialog).ToContainTextAsync("instanceIds = i-0a1b2c3d4e5f60718");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        fakes.Of<DecideRemediation>().ShouldBeEmpty();

        await approve.ClickAsync();
        await dialog.GetByLabel("Comment").FillAsync("load is from a runaway job; reboot it");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve and run" }).ClickAsync();

        await Assertions.Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "approved");
        var decision = fakes.Of<DecideRemediation>().ShouldHaveSingleItem();
        (decision.Approve, decision.Channel, decision.Comment).ShouldBe((true, "ui", "load is from a runaway job; reboot it"));
        await Assertions.Expect(card).ToContainTextAsync("“load is from a runaway job; reboot it”");
    }
}
