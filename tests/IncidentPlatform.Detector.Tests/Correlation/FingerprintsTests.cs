using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class FingerprintsTests
{
    private static readonly CorrelationOptions Defaults = new();

    [Fact]
    public void For_AlertmanagerLabels_IgnoresOrderAndVolatileLabels_ButMembersDiffer()
    {
        var a = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "CrashLooping", ["namespace"] = "shop", ["pod"] = "a" });
        var b = Alerts.Alertmanager(new Dictionary<string, string> { ["pod"] = "b", ["namespace"] = "shop", ["alertname"] = "CrashLooping" });

        var first = Fingerprints.For(a, Defaults);
        var second = Fingerprints.For(b, Defaults);

        first.Fingerprint.ShouldBe(second.Fingerprint);
        first.Fingerprint.ShouldStartWith("alertmanager:");
        first.Member.ShouldNotBe(second.Member);
    }

    [Fact]
    public void For_AlertmanagerLabels_DifferentIdentifyingLabel_DifferentFingerprint()
    {
        var a = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-1" });
        var b = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-2" });

        Fingerprints.For(a, Defaults).Fingerprint.ShouldNotBe(Fingerprints.For(b, Defaults).Fingerprint);
    }

    [Fact]
    public void For_ConfiguredVolatileLabels_ReplaceTheDefaults()
    {
        var options = new CorrelationOptions { VolatileLabels = ["instance"] };
        var a = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-1", ["pod"] = "x" });
        var b = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-2", ["pod"] = "x" });
        var c = Alerts.Alertmanager(new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-2", ["pod"] = "y" });

        Fingerprints.For(a, options).Fingerprint.ShouldBe(Fingerprints.For(b, options).Fingerprint);
        Fingerprints.For(b, options).Fingerprint.ShouldNotBe(Fingerprints.For(c, options).Fingerprint);
    }

    [Fact]
    public void For_SenderFingerprint_IsUsedAsIs()
    {
        var alarm = Alerts.CloudWatch("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu");

        Fingerprints.For(alarm, Defaults).ShouldBe(new AlertIdentity(alarm.Fingerprint!, alarm.Fingerprint!));
    }

    [Fact]
    public void For_GenericTitles_MaskNumbersButKeepWords()
    {
        Fingerprints.For(Alerts.Generic(title: "Disk 81% full on db-3"), Defaults).Fingerprint
            .ShouldBe(Fingerprints.For(Alerts.Generic(title: "disk 93% full on db-12"), Defaults).Fingerprint);
        Fingerprints.For(Alerts.Generic(title: "Disk 81% full"), Defaults).Fingerprint
            .ShouldNotBe(Fingerprints.For(Alerts.Generic(title: "Memory 81% full"), Defaults).Fingerprint);
        Fingerprints.For(Alerts.Generic(service: "a"), Defaults).Fingerprint
            .ShouldNotBe(Fingerprints.For(Alerts.Generic(service: "b"), Defaults).Fingerprint);
    }

    [Fact]
    public void For_Signals_ByServiceAndTemplate()
    {
        var a = Alerts.Signal("tpl-1") with { Title = "Errors rose" };
        var b = Alerts.Signal("tpl-1") with { Title = "Errors rose sharply" };

        Fingerprints.For(a, Defaults).Fingerprint.ShouldBe(Fingerprints.For(b, Defaults).Fingerprint);
        Fingerprints.For(a, Defaults).Fingerprint.ShouldNotBe(Fingerprints.For(Alerts.Signal("tpl-2"), Defaults).Fingerprint);
        Fingerprints.For(a, Defaults).Fingerprint.ShouldNotBe(Fingerprints.For(Alerts.Signal("tpl-1", service: "payments"), Defaults).Fingerprint);
    }
}
