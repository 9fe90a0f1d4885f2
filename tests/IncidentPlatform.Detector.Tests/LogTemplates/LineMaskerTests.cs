using IncidentPlatform.Detector.LogTemplates;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class LineMaskerTests
{
    [Theory]
    [InlineData("took 12 steps", "took <NUM> steps")]
    [InlineData("delta -42 and +7", "delta <NUM> and <NUM>")]
    [InlineData("load 3.75", "load <NUM>")]
    [InlineData("version 1.2.3", "version <NUM>")]
    [InlineData("took 12ms", "took <NUM>")]
    [InlineData("waited 3.5s", "waited <NUM>")]
    [InlineData("read 10KB", "read <NUM>")]
    [InlineData("read 18.4 KB", "read <NUM>")]
    [InlineData("cpu 85%", "cpu <NUM>")]
    [InlineData("uid=0 euid=509", "uid=<NUM> euid=<NUM>")]
    [InlineData("blk_-6952295868487656571", "blk_<NUM>")]
    [InlineData("part-00010", "part-<NUM>")]
    [InlineData("Temperature (41C) exceeds", "Temperature (<NUM>) exceeds")]
    [InlineData("802.11d on the 2nd try", "<NUM> on the <NUM> try")]
    [InlineData("stored 384.0 B, free 2.1GB after 5mins", "stored <NUM>, free <NUM> after <NUM>")]
    public void Mask_Numbers_BecomeNumberPlaceholders(string line, string expected) => Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("flags 0x1f set", "flags <HEX> set")]
    [InlineData("session 0x14ede63a5a70000", "session <HEX>")]
    [InlineData("sha 9f86d081884c7d65", "sha <HEX>")]
    [InlineData("QuorumServer@7d3c8d2b", "QuorumServer@<HEX>")]
    [InlineData("page 7fff at be4f", "page <HEX> at <HEX>")]
    public void Mask_Hex_BecomesHexPlaceholder(string line, string expected) => Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("from 10.250.19.102", "from <IP>")]
    [InlineData("from /10.250.19.102:54106", "from /<IP>")]
    [InlineData("peer 2001:db8::1 up", "peer <IP> up")]
    [InlineData("peer fe80::c6b3:1ff:fe9b:ba5", "peer <IP>")]
    [InlineData("bind 0:0:0:0:0:0:0:2181", "bind <IP>")]
    [InlineData("station 00:1a:2b:3c:4d:5e left", "station <IP> left")]
    public void Mask_Addresses_BecomeIpPlaceholders(string line, string expected) => Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("request 123e4567-e89b-12d3-a456-426614174000 done", "request <UUID> done")]
    [InlineData("open /var/log/app/current.log.", "open <PATH>.")]
    [InlineData("open ./conf/app.yaml", "open <PATH>")]
    [InlineData(@"open C:\Temp\x.txt now", "open <PATH> now")]
    [InlineData("GET https://example.org/a?b=1 200", "GET <URL> <NUM>")]
    [InlineData("[hdfs://10.0.0.1:9000]", "[<URL>]")]
    [InlineData("mail bob.smith@example.com sent", "mail <EMAIL> sent")]
    [InlineData("error \"file not found\" again", "error <STR> again")]
    [InlineData("name='' set", "name=<STR> set")]
    [InlineData("job com.apple.Safari.SafeBrowsing.Update ran", "job <NAME> ran")]
    [InlineData("from dn228.cluster.local", "from <NAME>")]
    public void Mask_OtherValues_BecomeTypedPlaceholders(string line, string expected) => Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("at 2015-10-18 18:01:47,978 ok", "at <TS> <TS> ok")]
    [InlineData("at 2005-06-03-15.42.50.675872", "at <TS>")]
    [InlineData("at 20171223-22:15:29:606", "at <TS>")]
    [InlineData("lifetime 00:01", "lifetime <TS>")]
    [InlineData("at Sun Jul  3 10:05:12 2005 from", "at <TS> from")]
    [InlineData("Jul 3 10:05:12 host", "<TS> host")]
    public void Mask_DatesAndTimes_BecomeTimestampPlaceholders(string line, string expected) => Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("node dn228 disk U11 in slot J16", "node dn<NUM> disk U<NUM> in slot J<NUM>")]
    [InlineData("Package_for_KB2999226 on bglio559", "Package_for_KB<NUM> on bglio<NUM>")]
    [InlineData("sshd[19939]: QQ(12345) deny(1)", "sshd[<NUM>]: QQ(<NUM>) deny(<NUM>)")]
    [InlineData("[instance: 123e4567-e89b-12d3-a456-426614174000] spawned", "[instance: <UUID>] spawned")]
    public void Mask_NumbersGluedToNamesAndInBrackets_BecomePlaceholders(string line, string expected) =>
        Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("tty=NODEVssh ruser= rhost=host_7a", "tty=<VAL> ruser= rhost=<VAL>")]
    [InlineData("logged in user=root state=ACTIVE", "logged in user=root state=ACTIVE")]
    [InlineData("msg=ConnectionLost level=Error", "msg=ConnectionLost level=Error")]
    public void Mask_KeyValuePairs_NamesBecomeValuesPlainWordsStay(string line, string expected) =>
        Mask(line).ShouldBe(expected);

    [Theory]
    [InlineData("ipv6 utf8 md5 wl0 SOCKS5 log4j")]
    [InlineData("caught java.io.IOException and java.lang.OutOfMemoryError")]
    [InlineData("read Bar.java and file.txt")]
    [InlineData("std::vector Bad:: deadbeef facade")]
    [InlineData("don't stop")]
    [InlineData("state 'Active'")]
    [InlineData("May I? Sun is up")]
    [InlineData("/tmp")]
    public void Mask_WordsAndNearMisses_StayAsTheyAre(string line) => Mask(line).ShouldBe(line);

    [Fact]
    public void Mask_SpacesAndTabs_SeparateTokensOnce()
    {
        var masked = new MaskedLine();
        LineMasker.Mask("  a\t\tb   c  ", masked);

        masked.Count.ShouldBe(3);
        masked[2].ToString().ShouldBe("c");
    }

    [Fact]
    public void Mask_ValueToken_KeepsItsRawText()
    {
        var masked = new MaskedLine();
        var line = "read 18.4 KB from 10.0.0.1";
        LineMasker.Mask(line, masked);

        var (start, length) = masked.RawRange(1);
        line.Substring(start, length).ShouldBe("18.4 KB");
        masked.Traits(1).MayDiffer.ShouldBeTrue();
        masked.Traits(0).MayDiffer.ShouldBeFalse();
    }

    private static string Mask(string line)
    {
        var masked = new MaskedLine();
        LineMasker.Mask(line, masked);
        return masked.ToString();
    }
}
