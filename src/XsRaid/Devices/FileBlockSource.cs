using Microsoft.Win32.SafeHandles;
using XsRaid.Formats;

namespace XsRaid.Devices;

/// <summary>A disk image file or a block device, opened read-only and read with positional reads.</summary>
public sealed class FileBlockSource : IBlockSource, IDisposable
{
    private readonly SafeFileHandle _handle;

    private FileBlockSource(SafeFileHandle handle, string name, long length, int logicalSectorSize)
    {
        _handle = handle;
        Name = name;
        Length = length;
        LogicalSectorSize = logicalSectorSize;
    }

    public string Name { get; }

    public long Length { get; }

    public int LogicalSectorSize { get; }

    /// <summary>Opens <paramref name="path"/> read-only; every problem is a message naming the path.</summary>
    public static ReadResult<FileBlockSource> Open(string path)
    {
        var kind = FileKindProbe.Of(path);
        switch (kind)
        {
            case FileKind.Missing:
                return Error(path, "does not exist");
            case FileKind.Directory:
                return Error(path, "is a directory, not a disk or disk image");
            case FileKind.Regular or FileKind.BlockDevice:
                break;
            default:
                return Error(path, $"is a {KindName(kind)}, not a disk or disk image");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            return Error(path, "cannot be opened: permission denied (a block device needs root, and may be refused by a container or sandbox)");
        }
        catch (IOException e)
        {
            return Error(path, $"cannot be opened: {e.Message}");
        }

        var info = kind == FileKind.BlockDevice ? BlockDeviceInfo.Probe(path) : null;
        if (kind == FileKind.BlockDevice && info is null)
        {
            handle.Dispose();
            return Error(path, "is a block device that /sys/class/block does not describe: cannot tell its size");
        }

        long length;
        try
        {
            length = info?.SizeBytes ?? RandomAccess.GetLength(handle);
        }
        catch (IOException e)
        {
            handle.Dispose();
            return Error(path, $"cannot tell its size: {e.Message}");
        }

        return new FileBlockSource(handle, path, length, info?.LogicalSectorSize ?? 512);
    }

    public ReadResult<byte[]> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > Length)
        {
            return FormatError.Truncated(Name, $"range [{offset}, +{count}) is outside the {Length}-byte device", offset);
        }

        var buffer = new byte[count];
        try
        {
            var done = 0;
            while (done < count)
            {
                var n = RandomAccess.Read(_handle, buffer.AsSpan(done), offset + done);
                if (n == 0)
                {
                    return FormatError.Truncated(Name, $"end of data at byte {offset + done}, {Length} expected", offset + done);
                }

                done += n;
            }
        }
        catch (IOException e)
        {
            return new FormatError(Name, FormatErrorKind.IoError, $"read error at byte {offset}: {e.Message}", offset);
        }
        catch (UnauthorizedAccessException e)
        {
            return new FormatError(Name, FormatErrorKind.IoError, $"read refused at byte {offset}: {e.Message}", offset);
        }

        return buffer;
    }

    public void Dispose() => _handle.Dispose();

    private static string KindName(FileKind kind) => kind switch
    {
        FileKind.CharacterDevice => "character device",
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    private static FormatError Error(string path, string problem) =>
        new(path, FormatErrorKind.IoError, problem);
}
