using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Tests.Anomalies;

public sealed class AnomalyDetectorTests
{
    private static string Declined(int i) => $"2026-11-21T08:00:00Z ERROR [checkout] Payment declined for order {1000 + i}: card_declined";

    private static string Refused(int i) => $"2026-11-21T08:00:00Z ERROR [checkout] Connection to 10.0.3.{i % 250} refused after {i} ms";

    private static string Request(int i) => $"2026-11-21T08:00:00Z INFO [checkout] GET /api/cart/{i} 200 {i % 90}ms";

    [Fact]
    public void Close_NoisyErrorSwingingAsUsual_NeverSignals()
    {
        var driver = new DetectorDriver();
        int[] perMinute = [5, 80, 12, 60, 30, 75, 8, 45, 70, 20, 55, 10, 65, 35, 50];
        for (var minute = 0; minute < 45; minute++)
        {
            driver.Log("checkout", Declined, perMinute[minute % perMinute.Length]);
            driver.NextBucket();
        }

        driver.Log("checkout", Declined, 95);
        driver.NextBucket();

        driver.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void Close_QuietErrorThatJumps_SignalsOnceWithEvidence()
    {
        var driver = new DetectorDriver();
        for (var minute = 0; minute < 20; minute++)
        {
            driver.Log("checkout", Request, 30);
            driver.Log("checkout", Refused, minute % 7 == 0 ? 1 : 0);
            driver.NextBucket();
        }

        driver.Signals.ShouldBeEmpty();
        var burstStart = driver.Detector.BucketStart(driver.Detector.BucketOf(driver.Now));
        driver.Log("checkout", Refused, 40);
        var signal = driver.NextBucket().ShouldHaveSingleItem();

        signal.Source.ShouldBe("logs");
        signal.Service.ShouldBe("checkout");
        signal.Severity.ShouldBe(Severity.High);
        var evidence = signal.Evidence;
        evidence.Kind.ShouldBe(SignalKind.Baseline);
        evidence.Count.ShouldBe(40);
        evidence.Baseline.ShouldBe(0);
        evidence.Spread.ShouldBe(1);
        evidence.Threshold.ShouldBeNull();
        evidence.Template.ShouldBe("ERROR [checkout] Connection to <IP> refused after <NUM>"); // "12 ms" is one value
        evidence.TemplateId.ShouldBe(driver.Miner.Match(LineTimestamps.StripLeading(Refused(1), out _))!.Value.TemplateId);
        evidence.WindowStart.ShouldBe(burstStart);
        evidence.WindowEnd.ShouldBe(burstStart.AddMinutes(1));
        evidence.SampleLines.ShouldBe([Refused(0), Refused(1), Refused(2), Refused(3), Refused(4)]);
        signal.Labels["templateId"].ShouldBe(evidence.TemplateId);
    }

    [Fact]
    public void Close_SustainedAnomaly_RepeatsOnlyAfterRepeatAfter()
    {
        var driver = new DetectorDriver(new AnomalyOptions { RepeatAfter = TimeSpan.FromMinutes(5) });
        for (var minute = 0; minute < 15; minute++)
        {
            driver.Log("checkout", Refused, minute == 0 ? 1 : 0);
            driver.NextBucket();
        }

        var kinds = new List<int>();
        for (var minute = 0; minute < 7; minute++)
        {
            driver.Log("checkout", Refused, 50);
            kinds.Add(driver.NextBucket().Count);
        }

        kinds.ShouldBe([1, 0, 0, 0, 0, 1, 0]);
        driver.Signals.Select(s => s.FingerprintKey).Distinct().ShouldHaveSingleItem();
        driver.Signals.Select(s => s.IdKey).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Close_NewErrorTemplateAfterWarmUp_SignalsOnce()
    {
        var driver = new DetectorDriver(new AnomalyOptions { WarmUp = TimeSpan.FromMinutes(15) });
        for (var minute = 0; minute < 16; minute++)
        {
            driver.Log("checkout", Request, 20);
            driver.NextBucket();
        }

        driver.Log("checkout", i => $"2026-11-21T08:00:00Z ERROR [checkout] TLS handshake with idp.internal:443 failed: certificate has expired ({i})", 3);
        var signal = driver.NextBucket().ShouldHaveSingleItem();
        driver.Log("checkout", i => $"2026-11-21T08:00:00Z ERROR [checkout] TLS handshake with idp.internal:443 failed: certificate has expired ({i})", 3);
        driver.NextBucket().ShouldBeEmpty();

        signal.Evidence.Kind.ShouldBe(SignalKind.NewTemplate);
        signal.Evidence.Count.ShouldBe(3);
        signal.Severity.ShouldBe(Severity.Medium);
        signal.Title.ShouldStartWith("checkout: new error — ERROR [checkout] TLS handshake");
    }

    [Fact]
    public void Close_NewErrorTemplateDuringWarmUp_IsLearntSilently()
    {
        var driver = new DetectorDriver(new AnomalyOptions { WarmUp = TimeSpan.FromMinutes(15) });
        driver.NextBucket();
        driver.Log("checkout", Refused, 3);
        driver.NextBucket();
        for (var minute = 0; minute < 20; minute++)
        {
            driver.Log("checkout", Refused, 3);
            driver.NextBucket();
        }

        driver.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void Close_NewInfoTemplateAfterWarmUp_DoesNotSignal()
    {
        var driver = new DetectorDriver(new AnomalyOptions { WarmUp = TimeSpan.Zero });
        driver.NextBucket();
        driver.Log("inventory", i => $"2026-11-21T08:00:00Z INFO [inventory] Reconciled {i} SKUs for warehouse ams1", 3);
        driver.Log("inventory", i => $"2026-11-21T08:00:00Z WARN [inventory] Cache miss ratio {i}% above 20%", 3);

        driver.NextBucket().ShouldBeEmpty();
    }

    [Fact]
    public void Close_StaticThresholdReached_SignalsWithTheThreshold()
    {
        var options = new AnomalyOptions
        {
            Thresholds = { ["refused"] = new TemplateThresholdOptions { Match = "refused", Count = 5, Severity = Severity.Critical } },
        };
        var driver = new DetectorDriver(options);
        driver.Log("checkout", Refused, 4);
        driver.NextBucket().ShouldBeEmpty();
        driver.Log("checkout", Refused, 5);

        var signal = driver.NextBucket().ShouldHaveSingleItem();

        signal.Evidence.Kind.ShouldBe(SignalKind.Threshold);
        signal.Evidence.Threshold.ShouldBe(5);
        signal.Evidence.Rule.ShouldBe("refused");
        signal.Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Observe_RecordOlderThanTheOpenBuckets_IsNotCounted()
    {
        var driver = new DetectorDriver();
        driver.NextBucket();
        var match = driver.Miner.Add(LineTimestamps.StripLeading(Refused(1), out _));

        var counted = driver.Detector.Observe("checkout", match, LineLevel.Error, driver.Now.AddMinutes(-5), Refused(1), driver.Now);

        counted.ShouldBeFalse();
    }

    [Fact]
    public void Close_AfterOneBurstInHistory_StillSignalsTheNextJump()
    {
        var driver = new DetectorDriver(new AnomalyOptions { RepeatAfter = TimeSpan.Zero });
        for (var minute = 0; minute < 15; minute++)
        {
            driver.Log("checkout", Refused, minute == 3 ? 300 : minute % 5 == 0 ? 1 : 0);
            driver.NextBucket();
        }

        driver.Log("checkout", Refused, 30);
        driver.NextBucket().ShouldHaveSingleItem().Evidence.Baseline.ShouldBe(0);
    }

    [Fact]
    public void SeverityFor_LevelAndKind_NewTemplateIsOneStepBelow()
    {
        AnomalyDetector.SeverityFor(LineLevel.Fatal, SignalKind.Baseline).ShouldBe(Severity.Critical);
        AnomalyDetector.SeverityFor(LineLevel.Fatal, SignalKind.NewTemplate).ShouldBe(Severity.High);
        AnomalyDetector.SeverityFor(LineLevel.Error, SignalKind.Baseline).ShouldBe(Severity.High);
        AnomalyDetector.SeverityFor(LineLevel.Warning, SignalKind.Baseline).ShouldBe(Severity.Medium);
    }
}
