using IncidentPlatform.Analysis.Offline.Reading;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Tests.Offline.Reading;

public sealed class LineReaderTests
{
    [Theory]
    [InlineData("/var/log is 93% full on i-0abc123def4567890 (threshold 80%)", AnalysisCategories.DiskFull)]
    [InlineData("Disk usage above 80%", AnalysisCategories.DiskFull)]
    [InlineData("LogicalDisk C: % Free Space is 3 (2.1 GB free), threshold 10", AnalysisCategories.DiskFull)]
    [InlineData("system.disk.in_use is 0.97 on host:web-4 (threshold 0.9)", AnalysisCategories.DiskFull)]
    [InlineData("mem_used_percent 97.2 > 95 for 3 datapoints", AnalysisCategories.OutOfMemory)]
    [InlineData("CPUCreditBalance 0.4 (threshold 5) on t3.medium instances", AnalysisCategories.ResourceSaturation)]
    [InlineData("ALARM: CPUUtilization > 85 for 10 minutes on orders-primary", AnalysisCategories.ResourceSaturation)]
    [InlineData("All threads (200) are currently busy, waiting", AnalysisCategories.ResourceSaturation)]
    [InlineData("orders-db DatabaseConnections >= 1900", AnalysisCategories.ConnectionPoolExhaustion)]
    [InlineData("HikariPool-1 - Pool stats (total=30, active=30, idle=0, waiting=87)", AnalysisCategories.ConnectionPoolExhaustion)]
    [InlineData("TargetResponseTime p99 7.2 seconds (threshold 5)", AnalysisCategories.Timeout)]
    [InlineData("storefront-alb RequestCount 5.8x above baseline", AnalysisCategories.TrafficSurge)]
    [InlineData("HTTPCode_ELB_502_Count > 50", AnalysisCategories.UpstreamError)]
    [InlineData("429 responses for /v1/quotes at 18% of requests", AnalysisCategories.Throttling)]
    [InlineData("Container api exited with code 137", AnalysisCategories.OutOfMemory)]
    [InlineData("Container renderer exited with code 139", AnalysisCategories.CrashLoop)]
    [InlineData("ConnectionPoolTimeoutException: Timeout waiting for connection from pool", AnalysisCategories.ConnectionPoolExhaustion)]
    [InlineData("requests.exceptions.ReadTimeout: Read timed out.", AnalysisCategories.Timeout)]
    [InlineData("An error occurred (AccessDenied) when calling the GetObject operation", AnalysisCategories.Authentication)]
    [InlineData("RUM: ERR_CERT_DATE_INVALID on www.example.com", AnalysisCategories.TlsCertificate)]
    [InlineData("socket.gaierror: [Errno -3] Temporary failure in name resolution", AnalysisCategories.Dns)]
    public void Read_AlertOrErrorText_PointsToItsCategory(string text, string category) =>
        LineReader.Read(text).Select(f => f.Category).ShouldContain(category);

    [Theory]
    [InlineData("Feature flag 'new-ranking' enabled for 100% of traffic")]
    [InlineData("free space 40% (threshold 10%)")]
    [InlineData("CPUUtilization 35% (threshold 80%)")]
    [InlineData("hibernate_setup(0) took 4429 ms")]
    [InlineData("Cost anomaly: spend +35%, expected $412, actual $556")]
    [InlineData("request i-0abc123def4567890 handled by worker 503")]
    public void Read_NumbersThatAreNoBreach_SayNothing(string text) => LineReader.Read(text).ShouldBeEmpty();

    [Fact]
    public void Read_StrongestFirst_OneFindingPerCategory()
    {
        var findings = LineReader.Read("disk_used_percent 97 (threshold 90); disk almost full");

        findings.ShouldHaveSingleItem().ShouldBe(new Finding(AnalysisCategories.DiskFull, 1.0));
    }
}
