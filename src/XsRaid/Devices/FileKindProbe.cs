using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace XsRaid.Devices;

/// <summary>
/// Tells a block device from a regular file, a FIFO or a character device before anything opens it (opening a FIFO
/// would block). Uses statx(2), whose structure layout is the same on every Linux architecture.
/// </summary>
public static partial class FileKindProbe
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 0x1C;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return FileKind.Missing;
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(StatxModeOffset, 2));
        if (!BitConverter.IsLittleEndian)
        {
            mode = BinaryPrimitives.ReverseEndianness(mode);
        }

        return KindOfMode(mode);
    }

    /// <summary>The kind encoded in the file-type bits of a stat mode.</summary>
    public static FileKind KindOfMode(int mode) =>
        (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x6000 => FileKind.BlockDevice,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };

    /// <summary>"FIFO (named pipe)", "character device", ... as an error message names a kind.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.BlockDevice => "block device",
        FileKind.CharacterDevice => "character device",
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.Socket => "socket",
        FileKind.Missing => "missing file",
        _ => "special file",
    };

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
}
