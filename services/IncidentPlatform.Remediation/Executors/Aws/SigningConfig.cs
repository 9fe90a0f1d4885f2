using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// The client configuration AWSSDK.Core's signer reads: which service and region the signature is scoped to. The
/// generated service clients ship their own; Lambda, Auto Scaling and ECS have none here (their packages are absent),
/// so this is the minimal one for their signed calls.
/// </summary>
internal sealed class SigningConfig : ClientConfig
{
    private readonly string _service;

    public SigningConfig(string service, string region, Uri endpoint)
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
    {
        _service = service;
        AuthenticationRegion = region;
        AuthenticationServiceName = service;
        ServiceURL = endpoint.GetLeftPart(UriPartial.Authority);
    }

    public override string ServiceVersion => "1";

    public override string UserAgent => "IncidentPlatform.Remediation";

    public override string RegionEndpointServiceName => _service;

    public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
}
