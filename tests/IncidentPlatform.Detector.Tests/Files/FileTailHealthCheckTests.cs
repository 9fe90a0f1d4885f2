using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Tests.Files;

public sealed class FileTailHealthCheckTests
{
    [Fact]
    public async Task Check_TailerFailing_IsDegradedNamingTheSourceAndTheErrorUntilAPollSucceeds()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var options = new DetectorOptions { Files = { ["app"] = new FileSourceOptions { Path = fixture.PathOf("*.log"), Service = "app" } } };
        var environment = new HostEnvironmentStub(fixture.Directory);
        using var tailers = new FileTailers(Options.Create(options),
            new DemoPaths(Options.Create(options), Options.Create(new StoreOptions()), environment), environment,
            fixture.Checkpoints, fixture.Clock, NullLoggerFactory.Instance);
        var check = new FileTailHealthCheck(tailers);
        (await check.CheckHealthAsync(new())).Description.ShouldBe("source 'app' starting");

        tailers.All[0].Fail("the store refused the checkpoint");
        var failing = await check.CheckHealthAsync(new());
        failing.Status.ShouldBe(HealthStatus.Degraded);
        failing.Description.ShouldNotBeNull().ShouldContain("source 'app' failing since");
        failing.Description.ShouldContain("the store refused the checkpoint");

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        fixture.Append("a.log", "x\n");
        await tailers.All[0].PollAsync(default);
        var healthy = await check.CheckHealthAsync(new());
        healthy.Status.ShouldBe(HealthStatus.Healthy);
        healthy.Description.ShouldNotBeNull().ShouldContain("1 file(s)");
    }

    private sealed class HostEnvironmentStub(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
