using Amazon.Runtime;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Tests.Infrastructure;

namespace IncidentPlatform.Analysis.Tests.Providers;

public sealed class AwsSigV4CredentialsTests
{
    /// <summary>Credentials that change on every read, as refreshed temporary credentials do.</summary>
    private sealed class Rotating : AWSCredentials
    {
        private int _reads;

        public override ImmutableCredentials GetCredentials()
        {
            var n = Interlocked.Increment(ref _reads);
            return new ImmutableCredentials($"ASIAROTATING00000{n:D3}", $"secret-{n}", $"session-{n}");
        }
    }

    private static HttpRequestMessage Request() =>
        new(HttpMethod.Post, "https://bedrock-runtime.eu-west-1.amazonaws.com/model/m/invoke") { Content = new StringContent("{}") };

    [Fact]
    public async Task Apply_ReadsTheCredentialsForEveryRequest()
    {
        var credentials = new AwsSigV4Credentials("eu-west-1", () => Task.FromResult<AWSCredentials>(new Rotating()));
        var first = Request();
        var second = Request();

        await credentials.Apply(first);
        await credentials.Apply(second);

        SigV4.Parse(first.Headers.GetValues("Authorization").Single()).AccessKey.ShouldBe("ASIAROTATING00000001");
        SigV4.Parse(second.Headers.GetValues("Authorization").Single()).AccessKey.ShouldBe("ASIAROTATING00000002");
        second.Headers.GetValues("X-Amz-Security-Token").ShouldBe(["session-2"]);
        credentials.Region.ShouldBe("eu-west-1");
    }

    [Fact]
    public async Task Apply_WhenTheCredentialSearchFails_TriesAgainNextTime()
    {
        var attempts = 0;
        var credentials = new AwsSigV4Credentials("eu-west-1", () => ++attempts == 1
            ? Task.FromException<AWSCredentials>(new AmazonClientException("no credentials"))
            : Task.FromResult<AWSCredentials>(new BasicAWSCredentials("AKIAFOUNDLATER000000", "secret")));

        await Should.ThrowAsync<AmazonClientException>(() => credentials.Apply(Request()));
        var request = Request();
        await credentials.Apply(request);

        SigV4.Parse(request.Headers.GetValues("Authorization").Single()).AccessKey.ShouldBe("AKIAFOUNDLATER000000");
    }
}
