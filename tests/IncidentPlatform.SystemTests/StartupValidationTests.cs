using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

public sealed class StartupValidationTests
{
    private const string SomeRedis = "127.0.0.1:6390";
    private const string SomeBroker = "amqp://guest:guest@127.0.0.1:5690/";

    public static TheoryData<string> ServiceProjects => new(Services.All);

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public async Task Start_WithoutMessagingConnectionString_ExitsNamingTheKey(string project)
    {
        await using var service = ServiceProcess.Start(project, Services.Configuration(messaging: null, SomeRedis));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("'ConnectionStrings:messaging' is missing");
    }

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public async Task Start_WithoutRedisConnectionString_ExitsNamingTheKey(string project)
    {
        await using var service = ServiceProcess.Start(project, Services.Configuration(SomeBroker, redis: null));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("ConnectionStrings:redis");
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("amqp:///nohost")]
    public async Task Start_WithMalformedMessagingConnectionString_ExitsSayingWhatIsExpected(string value)
    {
        await using var service = ServiceProcess.Start("IncidentPlatform.Gateway", Services.Configuration(value, SomeRedis));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("'ConnectionStrings:messaging' is malformed: expected an AMQP URI");
    }

    [Theory]
    [InlineData("127.0.0.1:notaport")]
    [InlineData("redis://")]
    public async Task Start_WithMalformedRedisConnectionString_ExitsNamingTheKey(string value)
    {
        await using var service = ServiceProcess.Start("IncidentPlatform.Detector", Services.Configuration(SomeBroker, value));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("ConnectionStrings:redis");
    }

    [Fact]
    public async Task Start_GatewayWithoutApiKeys_ExitsSayingHowToConfigureOne()
    {
        var configuration = Services.Configuration(SomeBroker, SomeRedis);
        configuration.Remove("Auth:ApiKeys:admin:Key");
        configuration.Remove("Auth:ApiKeys:admin:Scopes");
        await using var service = ServiceProcess.Start("IncidentPlatform.Gateway", configuration);

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain("'Auth:ApiKeys' is empty");
    }
}
