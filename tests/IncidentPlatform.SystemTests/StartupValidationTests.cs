using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

public sealed class StartupValidationTests
{
    public static TheoryData<string> ServiceProjects => new(Services.All);

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public async Task Start_WithoutMessagingConnectionString_ExitsNamingTheKey(string project)
    {
        await using var service = ServiceProcess.Start(project, new Dictionary<string, string?>());

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("'ConnectionStrings:messaging' is missing");
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("amqp:///nohost")]
    public async Task Start_WithMalformedMessagingConnectionString_ExitsSayingWhatIsExpected(string value)
    {
        await using var service = ServiceProcess.Start("IncidentPlatform.Gateway", Services.Configuration(value));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("'ConnectionStrings:messaging' is malformed: expected an AMQP URI");
    }
}
