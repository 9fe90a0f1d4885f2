namespace IncidentPlatform.Redis.Tests;

public sealed class RedisOptionsTests
{
    [Fact]
    public void Parse_AspireForm_ReadsEveryOption()
    {
        var options = RedisOptions.Parse(
            "cache.local:6380,password=s3cr=t,user=alice,ssl=true,sslHost=redis.example,defaultDatabase=2," +
            "connectTimeout=1500,syncTimeout=2500,abortConnect=false,name=detector,sslInsecure=true");

        options.Host.ShouldBe("cache.local");
        options.Port.ShouldBe(6380);
        options.Password.ShouldBe("s3cr=t");
        options.User.ShouldBe("alice");
        options.Ssl.ShouldBeTrue();
        options.SslHost.ShouldBe("redis.example");
        options.SslInsecure.ShouldBeTrue();
        options.Database.ShouldBe(2);
        options.ConnectTimeout.ShouldBe(TimeSpan.FromMilliseconds(1500));
        options.CommandTimeout.ShouldBe(TimeSpan.FromMilliseconds(2500));
        options.AbortOnConnectFail.ShouldBeFalse();
        options.ClientName.ShouldBe("detector");
    }

    [Fact]
    public void Parse_HostOnly_UsesDefaultsAndValidatesCertificates()
    {
        var options = RedisOptions.Parse("localhost");

        options.Host.ShouldBe("localhost");
        options.Port.ShouldBe(6379);
        options.Password.ShouldBeNull();
        options.Ssl.ShouldBeFalse();
        options.SslInsecure.ShouldBeFalse();
        options.AbortOnConnectFail.ShouldBeTrue();
        options.Database.ShouldBe(0);
    }

    [Fact]
    public void Parse_UnknownOptionsAndOddCase_AreIgnoredOrAccepted()
    {
        var options = RedisOptions.Parse("127.0.0.1:7000, allowAdmin=true ,keepAlive=60,SSL=True,ConnectRetry=3");

        options.Port.ShouldBe(7000);
        options.Ssl.ShouldBeTrue();
    }

    [Fact]
    public void Parse_AsyncTimeout_SetsCommandTimeout()
    {
        RedisOptions.Parse("h:1,asyncTimeout=750").CommandTimeout.ShouldBe(TimeSpan.FromMilliseconds(750));
    }

    [Fact]
    public void Parse_IPv6EndPoint_ReadsHostAndPort()
    {
        var options = RedisOptions.Parse("[::1]:6390");

        options.Host.ShouldBe("::1");
        options.Port.ShouldBe(6390);
        options.EndPoint.ShouldBe("[::1]:6390");
    }

    [Theory]
    [InlineData("h:1,connectTimeout=abc", "connectTimeout")]
    [InlineData("h:1,syncTimeout=0", "syncTimeout")]
    [InlineData("h:1,ssl=maybe", "ssl")]
    [InlineData("h:1,abortConnect=1", "abortConnect")]
    [InlineData("h:1,defaultDatabase=-1", "defaultDatabase")]
    [InlineData("h:notaport", "notaport")]
    [InlineData("h:70000", "70000")]
    [InlineData("h:1,h2:2", "more than one endpoint")]
    [InlineData("password=x", "no endpoint")]
    [InlineData("redis://h/notadb", "database")]
    public void Parse_MalformedValue_ThrowsFormatExceptionNamingIt(string connectionString, string named)
    {
        var error = Should.Throw<FormatException>(() => RedisOptions.Parse(connectionString));

        error.Message.ShouldContain(named);
    }

    [Fact]
    public void Parse_Empty_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => RedisOptions.Parse(" "));
    }

    [Fact]
    public void Parse_UriWithUserPasswordAndDatabase_ReadsThemDecoded()
    {
        var options = RedisOptions.Parse("redis://alice:p%40ss%3Aw@redis.local:6400/3");

        options.User.ShouldBe("alice");
        options.Password.ShouldBe("p@ss:w");
        options.Host.ShouldBe("redis.local");
        options.Port.ShouldBe(6400);
        options.Database.ShouldBe(3);
        options.Ssl.ShouldBeFalse();
    }

    [Fact]
    public void Parse_UriWithPasswordOnly_UsesDefaultUserAndPort()
    {
        var options = RedisOptions.Parse("redis://:secret@10.0.0.5");

        options.User.ShouldBeNull();
        options.Password.ShouldBe("secret");
        options.Port.ShouldBe(6379);
        options.Database.ShouldBe(0);
    }

    [Fact]
    public void Parse_RedissUriWithQuery_EnablesTlsAndAppliesOptions()
    {
        var options = RedisOptions.Parse("rediss://h:6380?name=gateway&connectTimeout=900");

        options.Ssl.ShouldBeTrue();
        options.ClientName.ShouldBe("gateway");
        options.ConnectTimeout.ShouldBe(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public void ToString_WithPassword_HidesIt()
    {
        var text = RedisOptions.Parse("h:1,password=hunter2,user=bob").ToString();

        text.ShouldNotContain("hunter2");
        text.ShouldContain("user=bob");
    }

    [Fact]
    public async Task ConnectAsync_UserWithoutPassword_ThrowsArgumentException()
    {
        var options = new RedisOptions { Host = "127.0.0.1", Port = 1, User = "alice" };

        var error = await Should.ThrowAsync<ArgumentException>(() => RedisConnection.ConnectAsync(options));

        error.Message.ShouldContain("alice");
    }
}
