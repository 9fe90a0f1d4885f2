using System.Net;
using System.Runtime.Versioning;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// The standalone host's generated admin key (issue 15 item 12): its file is readable by its owner only from the moment it
/// exists, and never seen half-written.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AdminKeyFileTests
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                              UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task FirstRun_StoppedWhileWritingTheKey_LeavesNothingOthersCanRead_AndTheNextRunMakesAWholeKey()
    {
        var data = Directory.CreateTempSubdirectory("ip-admin-key-").FullName;
        var configuration = new Dictionary<string, string?> { ["IncidentPlatform:DataDirectory"] = data };

        // With a file size limit of 0 the first byte written to any file fails: the run stops between creating the key's
        // file and filling it, the moment a key file created readable (or empty) would show.
        await using (var stopped = ServiceProcess.Start("IncidentPlatform.Standalone", configuration, shellPrelude: "ulimit -f 0"))
        {
            (await stopped.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldNotBe(0, stopped.Output);
        }

        foreach (var file in Directory.GetFiles(data))
        {
            (File.GetUnixFileMode(file) & GroupOrOthers).ShouldBe((UnixFileMode)0, file);
        }

        var keyFile = Path.Combine(data, "admin-api-key");
        File.Exists(keyFile).ShouldBeFalse("a stopped first run must not leave a partial key behind");

        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", configuration);
        File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        key.Length.ShouldBe(48);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await client.GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
