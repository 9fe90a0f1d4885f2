using static IncidentPlatform.Detector.Demo.DemoLines;

namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// The failures the demo rotates through, written the way the real software logs them (HikariCP, Envoy, PostgreSQL,
/// the JVM and the kubelet, Go and Java TLS stacks), with stack traces — they also feed the offline analyzer, which
/// matches failure signatures. The first two show the whole loop with the sample policy: the search service's crash loop
/// is redeployed automatically (ECS, dry-run), the CPU alarm on checkout's instance waits for a person to approve a
/// reboot.
/// </summary>
internal static class DemoFaults
{
    public static readonly IReadOnlyList<DemoFault> All =
    [
        new("oom-crash-loop", "search", "search pods OOM-killed and crash-looping",
        [
            (r, at) => Line(at, "ERROR", "search", "Uncaught exception in thread \"indexer-3\"\n" +
                "java.lang.OutOfMemoryError: Java heap space\n" +
                "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n" +
                "\tat org.apache.lucene.util.ArrayUtil.grow(ArrayUtil.java:352)\n" +
                "\tat com.shop.search.index.BulkIndexer.add(BulkIndexer.java:118)"),
            (r, at) => Line(at, "FATAL", "search", "Terminating due to java.lang.OutOfMemoryError: Java heap space"),
            (r, at) => Line(at, "WARN", "search", $"Container search in pod {Pod(r, "search")} was OOMKilled (exit code 137, memory limit 2Gi)"),
            (r, at) => Line(at, "ERROR", "search", $"Back-off restarting failed container search in pod {Pod(r, "search")} (CrashLoopBackOff, restart count {r.Next(3, 40)})"),
            (r, at) => Line(at, "INFO", "search", "Starting search service v2.14.3 (heap max 1536m, index products)"),
        ]),
        new("cpu-saturation", "checkout", "checkout's EC2 instance pinned at 100 % CPU",
        [
            (r, at) => Line(at, "INFO", "checkout", $"GET /api/cart/{Hex(r, 8)} 200 {r.Next(1800, 4200)}ms user={r.Next(1000, 99999)} trace={Hex(r, 16)}"),
            (r, at) => Line(at, "INFO", "checkout", $"POST /api/orders 201 {r.Next(2500, 6000)}ms order=ord_{Hex(r, 10)} items={r.Next(1, 7)}"),
            (r, at) => Line(at, "WARN", "checkout", $"Request queue depth {r.Next(120, 480)} above 100 on worker pool http-nio-8080 (instance i-0c4f8e2a6b1d93057)"),
        ],
        new DemoAlarm("checkout-cpu-high", "CPUUtilization above 95% on i-0c4f8e2a6b1d93057",
            "ALARM: Threshold Crossed: 3 datapoints [99.1 (1 min), 98.7 (1 min), 99.4 (1 min)] were greater than the threshold (95.0). " +
            "CPUUtilization of EC2 instance i-0c4f8e2a6b1d93057 (checkout) is at 99 %.",
            Contracts.Severity.High,
            new Dictionary<string, string> { ["metric"] = "CPUUtilization", ["instance_id"] = "i-0c4f8e2a6b1d93057", ["namespace"] = "AWS/EC2" })),
        new("db-pool-exhaustion", "payments", "database connection pool exhausted",
        [
            (r, at) => Line(at, "ERROR", "payments", "HikariPool-1 - Connection is not available, request timed out after 30000ms.\n" +
                "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n" +
                "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n" +
                "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\n" +
                "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)\n" +
                $"\tat com.shop.payments.repository.ChargeRepository.save(ChargeRepository.java:{r.Next(80, 95)})\n" +
                "\tat com.shop.payments.service.ChargeService.charge(ChargeService.java:142)\n" +
                "\t... 87 more"),
            (r, at) => Line(at, "ERROR", "payments", $"POST /api/charges 500 {r.Next(30001, 30090)}ms charge=ch_{Hex(r, 12)} error=\"Unable to acquire JDBC Connection\""),
            (r, at) => Line(at, "WARN", "payments", $"HikariPool-1 - Pool stats (total=50, active=50, idle=0, waiting={r.Next(120, 260)})"),
            (r, at) => Line(at, "ERROR", "payments", "Could not open JPA EntityManager for transaction\n" +
                "org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction\n" +
                "Caused by: org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection\n" +
                "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n" +
                "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"),
            (r, at) => Line(at, "WARN", "checkout", $"Upstream payments slow: POST /api/charges took {r.Next(29000, 31000)}ms for order ord_{Hex(r, 10)}"),
        ]),
        new("upstream-503", "checkout", "upstream inventory returning 503",
        [
            (r, at) => Line(at, "ERROR", "checkout", $"Upstream inventory returned 503 Service Unavailable for GET /v1/stock/sku-{r.Next(10000, 99999)} (attempt 3/3)"),
            (r, at) => Line(at, "ERROR", "checkout", $"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111 (upstream inventory.svc.cluster.local:8080, {Ip(r)})"),
            (r, at) => Line(at, "WARN", "checkout", $"Circuit breaker 'inventory' is OPEN: failure rate {r.Next(55, 95)}.0% over the last 100 calls"),
            (r, at) => Line(at, "ERROR", "checkout", $"GET /api/cart/{Hex(r, 8)} 503 {r.Next(2, 30)}ms user={r.Next(1000, 99999)} error=\"inventory unavailable\""),
            (r, at) => Line(at, "ERROR", "inventory", $"Readiness probe failed: HTTP probe failed with statuscode: 503 (pod {Pod(r, "inventory")})"),
        ]),
        new("disk-full", "inventory", "disk full on the inventory volume",
        [
            (r, at) => Line(at, "ERROR", "inventory", $"Failed to write snapshot /var/lib/inventory/snapshots/{r.Next(100000, 999999)}.snap\n" +
                "java.io.IOException: No space left on device\n" +
                "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)\n" +
                "\tat java.base/sun.nio.ch.FileChannelImpl.write(FileChannelImpl.java:285)\n" +
                "\tat com.shop.inventory.snapshot.SnapshotWriter.flush(SnapshotWriter.java:61)"),
            (r, at) => Line(at, "ERROR", "inventory", $"PSQLException: ERROR: could not extend file \"base/16384/{r.Next(20000, 29999)}.1\": No space left on device\n" +
                "  Hint: Check free disk space.\n" +
                "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)"),
            (r, at) => Line(at, "WARN", "inventory", $"Disk usage of /var/lib/inventory at 100% ({r.Next(0, 40)} MiB free of 50 GiB)"),
            (r, at) => Line(at, "ERROR", "inventory", $"PUT /v1/stock/sku-{r.Next(10000, 99999)} 500 {r.Next(5, 60)}ms error=\"write failed: ENOSPC\""),
        ]),
        new("tls-certificate-expired", "auth", "TLS certificate of the identity provider expired",
        [
            (r, at) => Line(at, "ERROR", "auth", $"TLS handshake with idp.internal:443 failed: x509: certificate has expired or is not yet valid: current time {at.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z is after {at.UtcDateTime.Date.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z"),
            (r, at) => Line(at, "ERROR", "auth", "Token validation failed: unable to fetch JWKS from https://idp.internal/.well-known/jwks.json\n" +
                "Caused by: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed\n" +
                "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n" +
                "Caused by: java.security.cert.CertificateExpiredException: NotAfter: " + $"{at.UtcDateTime.Date.AddHours(-1):ddd MMM dd HH:mm:ss} UTC {at.Year}"),
            (r, at) => Line(at, "ERROR", "auth", $"POST /oauth/token 502 {r.Next(3, 40)}ms client={Pick(r, "web", "ios", "android")} error=\"identity provider unreachable: certificate expired\""),
            (r, at) => Line(at, "WARN", "auth", "Certificate CN=idp.internal (serial 4f:2a:91:0c:7e) expired; renew it or roll back the issuer change"),
        ]),
    ];
}
