using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Intake.Sns;

namespace IncidentPlatform.Gateway.Tests.Intake;

public sealed class CloudWatchAlarmMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly SnsMessage Envelope = new() { Type = "Notification", MessageId = "msg-1", TopicArn = "arn:aws:sns:eu-west-1:123456789012:alarms" };

    [Fact]
    public void Map_AlarmState_FiringAlertKeyedByTheAlarmArn()
    {
        var alarm = CloudWatchAlarmMapper.TryParse(TestData.Read("cloudwatch-alarm-alarm.json"))!;

        var alert = CloudWatchAlarmMapper.Map(alarm, Envelope, new SnsOptions(), Now, out var ignored)!;

        ignored.ShouldBeNull();
        alert.Source.ShouldBe("cloudwatch");
        alert.Status.ShouldBe(AlertStatus.Firing);
        alert.Fingerprint.ShouldBe("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-cpu-high");
        alert.ExternalId.ShouldBe("msg-1");
        alert.Title.ShouldBe("checkout-cpu-high");
        alert.Severity.ShouldBe(Severity.High);
        alert.Service.ShouldBe("checkout");
        alert.Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 21, 7, 59, 3, 402, TimeSpan.Zero));
        alert.Labels["ClusterName"].ShouldBe("shop");
        alert.Labels["awsAccountId"].ShouldBe("123456789012");
        alert.Labels["namespace"].ShouldBe("AWS/ECS");
        alert.Message.ShouldStartWith("OK → ALARM: Threshold Crossed");
    }

    [Fact]
    public void Map_OkState_ResolvesTheSameFingerprint()
    {
        var firing = CloudWatchAlarmMapper.Map(CloudWatchAlarmMapper.TryParse(TestData.Read("cloudwatch-alarm-alarm.json"))!, Envelope, new SnsOptions(), Now, out _)!;
        var ok = CloudWatchAlarmMapper.Map(CloudWatchAlarmMapper.TryParse(TestData.Read("cloudwatch-alarm-ok.json"))!, Envelope, new SnsOptions(), Now, out _)!;

        ok.Status.ShouldBe(AlertStatus.Resolved);
        ok.Fingerprint.ShouldBe(firing.Fingerprint);
    }

    [Fact]
    public void Map_InsufficientData_IgnoredUnlessConfigured()
    {
        var alarm = CloudWatchAlarmMapper.TryParse(TestData.Read("cloudwatch-alarm-alarm.json"))! with { NewStateValue = "INSUFFICIENT_DATA" };

        CloudWatchAlarmMapper.Map(alarm, Envelope, new SnsOptions(), Now, out var ignored).ShouldBeNull();
        ignored!.ShouldContain("INSUFFICIENT_DATA");
        CloudWatchAlarmMapper.Map(alarm, Envelope, new SnsOptions { AlertOnInsufficientData = true }, Now, out _)!.Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void Map_AlarmWithoutArnOrTrigger_FallsBackToAccountRegionAndName()
    {
        var alarm = new CloudWatchAlarm { AlarmName = "composite", AwsAccountId = "1", Region = "EU (Ireland)", NewStateValue = "ALARM" };

        var alert = CloudWatchAlarmMapper.Map(alarm, Envelope, new SnsOptions(), Now, out _)!;

        alert.Fingerprint.ShouldBe("cloudwatch:1:EU (Ireland):composite");
        alert.Service.ShouldBeNull();
        alert.Timestamp.ShouldBe(Now);
    }

    [Theory]
    [InlineData("Hello world")]
    [InlineData("{\"not\": \"an alarm\"}")]
    [InlineData("{broken")]
    public void TryParse_OtherMessages_AreNotAlarms(string message) => CloudWatchAlarmMapper.TryParse(message).ShouldBeNull();

    [Theory]
    [InlineData("2015-06-03T17:43:27.123+0000", "2015-06-03T17:43:27.123Z")]
    [InlineData("2015-06-03T19:43:27.123+0200", "2015-06-03T17:43:27.123Z")]
    [InlineData("2012-05-02T00:54:06.655Z", "2012-05-02T00:54:06.655Z")]
    public void ParseTime_CloudWatchAndIsoForms(string text, string expected) =>
        CloudWatchAlarmMapper.ParseTime(text).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
