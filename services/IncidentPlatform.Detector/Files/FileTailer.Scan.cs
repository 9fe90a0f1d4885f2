using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Detector.Files;

/// <summary>Finding files: new ones, rotated ones, and where to resume in each.</summary>
internal sealed partial class FileTailer
{
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = await checkpoints.GetAsync(CheckpointName(Name), cancellationToken);
        _stored = [];
        if (json is null)
        {
            return;
        }

        _hadCheckpoint = true;
        try
        {
            var checkpoint = JsonSerializer.Deserialize(json, FilesJsonContext.Default.TailCheckpoint);
            foreach (var position in checkpoint?.Files ?? [])
            {
                _stored[position.Identity] = position;
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "The stored offsets of {Source} are unreadable; reading its files from the start", SourceId);
        }
    }

    /// <summary>Matches the glob and opens new files; returns the first error (the other files are still read).</summary>
    private string? Scan(DateTimeOffset now)
    {
        string? error = null;
        var seen = new HashSet<FileIdentity>();
        foreach (var path in _glob.Match())
        {
            if (FileIdentities.Of(path) is not { } identity || !seen.Add(identity))
            {
                continue; // gone since it was listed, or a second name of a file already seen
            }

            if (_open.TryGetValue(identity, out var file))
            {
                file.Path = path;
                file.OrphanedAt = null;
                continue;
            }

            try
            {
                Open(path, now, orphaned: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error ??= $"{path}: {e.Message}";
            }
        }

        foreach (var file in _open.Values)
        {
            if (!seen.Contains(file.Identity) && file.OrphanedAt is null)
            {
                file.OrphanedAt = now;
                logger.LogInformation("{Path} of {Source} no longer matches (rotated or deleted); reading it to its end",
                    file.Path, SourceId);
            }
        }

        if (_firstScan)
        {
            _firstScan = false;
            RecoverRotated(now);
        }

        return error;
    }

    /// <summary>Files with stored offsets that were renamed while we were down: read their rest, then let them go.</summary>
    private void RecoverRotated(DateTimeOffset now)
    {
        foreach (var position in _stored!.Values.ToList())
        {
            var directory = Path.GetDirectoryName(position.Path);
            if (directory is null || !Directory.Exists(directory))
            {
                continue;
            }

            foreach (var candidate in Directory.EnumerateFiles(directory))
            {
                if (FileIdentities.Of(candidate) != position.Identity)
                {
                    continue;
                }

                try
                {
                    Open(candidate, now, orphaned: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning("Could not read the rest of rotated {Path} of {Source}: {Error}", candidate, SourceId, e.Message);
                }

                break;
            }
        }

        _stored.Clear();
    }

    private void Open(string path, DateTimeOffset now, bool orphaned)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return;
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }

        var identity = FileIdentities.Of(handle, path);
        if (_open.ContainsKey(identity))
        {
            handle.Dispose(); // the path was swapped for a file we already read between listing and opening
            return;
        }

        var length = RandomAccess.GetLength(handle);
        long offset;
        if (_stored!.Remove(identity, out var position) && TailedFile.HeadMatches(handle, position.HeadHash, position.HeadLength))
        {
            offset = position.Offset <= length ? position.Offset : 0;
            logger.LogInformation("Resuming {Path} of {Source} at offset {Offset}", path, SourceId, offset);
        }
        else
        {
            offset = !_hadCheckpoint && _firstScan && Options.StartAt == TailStart.End ? length : 0;
            logger.LogInformation("Tailing {Path} for {Source} from offset {Offset}", path, SourceId, offset);
        }

        var assembler = new RecordAssembler(_recordStart, Options.MaxRecordLength);
        var file = new TailedFile(identity, path, handle, offset, assembler, now) { OrphanedAt = orphaned ? now : null };
        file.RefreshHead();
        _open.Add(identity, file);
    }

    private void Close(TailedFile file, string why)
    {
        logger.LogInformation("Closed {Path} of {Source}: {Reason}", file.Path, SourceId, why);
        _open.Remove(file.Identity);
        file.Dispose();
    }
}
