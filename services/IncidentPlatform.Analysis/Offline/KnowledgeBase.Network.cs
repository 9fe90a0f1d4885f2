using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>Failures between services: timeouts, upstream errors, TLS, DNS, throttling and authentication.</summary>
internal static partial class KnowledgeBase
{
    private static FailureSignature Timeout() => new(
        AnalysisCategories.Timeout,
        "Calls to a dependency time out: it is slow or unreachable, and callers give up waiting.",
        [
            new(@"\btimed? ?out\b|\btimeout\b|deadline exceeded|DEADLINE_EXCEEDED|context deadline", 0.9),
            new(@"\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|SocketTimeoutException|TimeoutException|TaskCanceledException|operation has timed out", 1.0),
            new(@"\b504\b|gateway time-?out|upstream timed out|took longer than|exceeded .{0,20}(time|duration) limit", 0.9),
            new(@"(latency|p9\d|p99\.9|response time|duration)\W.{0,40}(above|exceed|over|breach|>|high)|slow (query|queries|requests?|responses?|calls?)", 0.6),
        ],
        0.7,
        Severity.Medium,
        [
            "Find which dependency the timeouts are for (host, endpoint, query) and check its latency and health.",
            "Look for what slowed it: load, locks, a slow query, a network path or a saturated resource on its side.",
            "Keep callers' timeouts and retries bounded so the slowness does not cascade (circuit breaker, backoff).",
        ]);

    private static FailureSignature Upstream() => new(
        AnalysisCategories.UpstreamError,
        "An upstream dependency fails (5xx answers, refused or reset connections) and the errors propagate to this service.",
        [
            new(@"\b50[0-3]\b\W.{0,40}(from|upstream|backend|returned|response|status|error)|(status|code|http)[ =:]*\b5\d\d\b", 0.8),
            new(@"\b(upstream|backend|dependency|downstream|origin)\b.{0,40}(error|fail|unavailable|unhealthy|\b5\d\d\b|refused|reset)", 0.9),
            new(@"bad gateway|service unavailable|no healthy upstream|upstream connect error|UNAVAILABLE\b", 0.9),
            new(@"upstream prematurely closed|no live upstreams|while (connecting to|reading response header from|sending request to) upstream", 0.9),
            new(@"connection refused|\bECONNREFUSED\b|\bECONNRESET\b|connection reset by peer|broken pipe|\bEPIPE\b|remote end closed", 0.8),
            new(@"circuit ?breaker\W.{0,30}\bopen|BrokenCircuitException|CallNotPermittedException", 0.9),
            new(@"(5xx|error rate|errors?)\W.{0,40}(spike|increase|elevated|above|high)|HTTPCode_(Target|ELB)_5XX|5XXError", 0.5),
        ],
        0.75,
        Severity.Medium,
        [
            "Identify the failing upstream from the errors (host, endpoint) and check its health, recent changes and status page.",
            "Check whether this service's retries amplify the failure; open the circuit or degrade gracefully while it recovers.",
            "Escalate to the upstream's owners with the error samples and times.",
        ]);

    private static FailureSignature Tls() => new(
        AnalysisCategories.TlsCertificate,
        "A TLS certificate is expired or not trusted, so TLS handshakes to or from this service fail.",
        [
            new(@"certificate (has )?expired|CERT_HAS_EXPIRED|expired certificate|certificate is not yet valid|NotAfter", 1.0),
            new(@"x509:|PKIX path|SSLHandshakeException|unable to get local issuer certificate|self[- ]signed certificate", 1.0),
            new(@"certificate\W.{0,40}(invalid|verify failed|verification failed|unknown authority|untrusted|revoked|mismatch)", 1.0),
            new(@"(ssl|tls)\W.{0,20}handshake\W.{0,30}(fail|error|alert)|tls: (bad certificate|handshake failure)|SSL routines", 0.9),
            new(@"RemoteCertificateNameMismatch|RemoteCertificateChainErrors|The remote certificate is invalid|hostname .{0,40}(doesn't|does not) match", 1.0),
            new(@"certificate\W.{0,40}expir(es|ing)|days? (until|before) (cert|certificate)? ?expir", 0.9),
            new(@"\b(ssl|tls|certificate|cert)\b", 0.3),
        ],
        1.0,
        Severity.High,
        [
            "Check the certificate's validity dates and chain (openssl s_client -connect host:443 -servername host).",
            "Renew or redeploy the certificate, and the intermediate chain, where it is served; restart what caches it.",
            "Automate renewal and alert well before expiry.",
        ]);

    private static FailureSignature Dns() => new(
        AnalysisCategories.Dns,
        "DNS resolution fails, so the service cannot find the hosts it calls.",
        [
            new(@"NXDOMAIN|SERVFAIL|no such host|Name or service not known|Temporary failure in name resolution", 1.0),
            new(@"UnknownHostException|\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo\W.{0,20}(fail|error|\bENOTFOUND\b|EAI)|No address associated with hostname|NameResolutionFailure", 1.0),
            new(@"(could ?n[o']t|unable to|failed to) resolve\W.{0,30}(host|name|address|dns)?|(name|host ?name|dns) (resolution|lookup)\W.{0,20}(fail|error|timed? ?out)", 1.0),
            new(@"dial tcp: lookup|lookup .{1,80} on .{1,40}:53|resolv\.conf|\bdns\b\W.{0,30}(fail|error|timeout|timed out|unreachable)", 0.9),
            new(@"\bdns\b|\bresolver\b|coredns|route ?53", 0.4),
        ],
        1.0,
        Severity.High,
        [
            "Resolve the failing names from an affected host (dig/nslookup) and compare with a healthy one.",
            "Check the DNS records, the resolver (CoreDNS, VPC resolver) and recent DNS or network changes.",
            "Restore the records or the resolver; lower TTLs before planned DNS changes.",
        ]);

    private static FailureSignature Throttling() => new(
        AnalysisCategories.Throttling,
        "A dependency rate-limits or throttles this service's calls (429, throttling exceptions, quota exceeded).",
        [
            new(@"\b429\b|too many requests|TooManyRequests", 1.0),
            new(@"rate[- ]?limit(ed|ing)?\b|rate exceeded|request rate .{0,20}exceed|RequestLimitExceeded", 1.0),
            new(@"(?<!cpu\W{0,3}\w{0,12}\W{0,3})throttl(ed|ing|e)\b(?!\W{1,3}(of\W{1,3})?cpu)|ThrottlingException|SlowDown\b|ProvisionedThroughputExceeded", 1.0),
            new(@"quota\W.{0,20}(exceeded|exhausted|reached)|RESOURCE_EXHAUSTED|limit exceeded for", 0.9),
            new(@"retry after|retry-after|backing off|backoff", 0.4),
        ],
        1.0,
        Severity.Medium,
        [
            "Find which dependency throttles and which limit (requests per second, concurrency, quota) is hit.",
            "Reduce the call rate: back off with jitter, batch, cache, and stop retry storms.",
            "Request a higher limit or quota if the traffic is legitimate.",
        ]);

    private static FailureSignature Authentication() => new(
        AnalysisCategories.Authentication,
        "Authentication or authorization fails: credentials are expired, revoked, rotated or lack permission.",
        [
            new(@"\b401\b|\bunauthori[sz]ed\b|authentication (failed|failure|error|required)|login failed|password authentication failed", 1.0),
            new(@"\b403\b|\bforbidden\b|access ?denied|AccessDenied|not authori[sz]ed|permission denied|insufficient (permissions|privileges|scope)", 0.9),
            new(@"invalid (credentials|token|api[ _-]?key|password|signature|client|grant|bearer)|invalid_grant|invalid_client|invalid_token", 1.0),
            new(@"(token|credentials?|session|password|api[ _-]?key|secret)\W.{0,30}(expired|revoked|rotated|rejected|not valid)", 1.0),
            new(@"InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|UnrecognizedClientException|AuthFailure|jwt (expired|malformed)", 1.0),
        ],
        1.0,
        Severity.High,
        [
            "Find which credential fails (service account, API key, token) and check it is valid and not expired or rotated.",
            "Check recent secret rotations and permission (IAM, RBAC) changes against the time the failures began.",
            "Restore or redeploy the credential and reload it in the service; then make rotation automatic and monitored.",
        ]);
}
