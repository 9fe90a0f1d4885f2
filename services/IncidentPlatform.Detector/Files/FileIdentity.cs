namespace IncidentPlatform.Detector.Files;

/// <summary>
/// What a file is, whatever its name: device and inode on Linux, so a renamed (rotated) file is still recognised and
/// a new file at the old path is not taken for it.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);
