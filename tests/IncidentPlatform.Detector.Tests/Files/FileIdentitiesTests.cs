using IncidentPlatform.Detector.Files;

namespace IncidentPlatform.Detector.Tests.Files;

public sealed class FileIdentitiesTests
{
    [Fact]
    public void Of_RenamedFile_KeepsItsIdentityAndANewFileAtThePathGetsAnother()
    {
        FileIdentities.ByInode.ShouldBeTrue();
        var directory = Directory.CreateTempSubdirectory("ip-identity-").FullName;
        try
        {
            var path = Path.Combine(directory, "app.log");
            File.WriteAllText(path, "x\n");
            var before = FileIdentities.Of(path);
            using (var handle = File.OpenHandle(path))
            {
                FileIdentities.Of(handle, path).ShouldBe(before!.Value);
            }

            File.Move(path, path + ".1");
            File.WriteAllText(path, "y\n");

            FileIdentities.Of(path + ".1").ShouldBe(before);
            FileIdentities.Of(path).ShouldNotBe(before);
            FileIdentities.Of(Path.Combine(directory, "missing.log")).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
