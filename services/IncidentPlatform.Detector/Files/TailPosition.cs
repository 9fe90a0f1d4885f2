namespace IncidentPlatform.Detector.Files;

/// <summary>Where a tailer is in one file, as stored: the file's identity, the offset to resume at, its head hash.</summary>
internal sealed record TailPosition(ulong Device, ulong Inode, string Path, long Offset, ulong HeadHash, int HeadLength)
{
    public FileIdentity Identity => new(Device, Inode);
}
