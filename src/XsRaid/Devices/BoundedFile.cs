using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using XsRaid.Formats;
using XsRaid.Hosts;

namespace XsRaid.Devices;

/// <summary>
/// Reads a whole file that must be a regular file of bounded size: opened non-blocking (a FIFO never blocks the
/// open), with O_NOFOLLOW unless a symbolic link is expected, its type and size checked on the open descriptor,
/// then read to at most the limit (a file that grows meanwhile is refused, never read on). Every refusal is a
/// <see cref="FormatError"/> naming the file and, for size, the limit.
/// </summary>
public static partial class BoundedFile
{
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;
    private const int ONonBlock = 0x800;
    private const int OCloseOnExec = 0x80000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeAndSize = 0x1 | 0x200;

    /// <param name="path">The file.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="what">What the limit is for, as the error names it ("a snapshot file").</param>
    /// <param name="followSymlink">False where a symbolic link is not expected (inside a snapshot directory).</param>
    public static ReadResult<byte[]> Read(string path, long limit, string what, bool followSymlink)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ReadPortable(path, limit, what, followSymlink);
        }

        var flags = ONonBlock | OCloseOnExec | (followSymlink ? 0 : NoFollowFlag());
        var fd = Open(path, flags);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                ENOENT or ENOTDIR => FormatError.NotPresent(path, "does not exist"),
                ELOOP when !followSymlink => Error(path, "is a symbolic link, which is not expected here"),
                EACCES => Error(path, "cannot be opened: permission denied"),
                var errno => Error(path, $"cannot be opened: {Marshal.GetPInvokeErrorMessage(errno)}"),
            };
        }

        using var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        var buffer = new byte[256];
        if (Statx(fd, "", AtEmptyPath, StatxTypeAndSize, buffer) != 0)
        {
            return Error(path, $"cannot be examined: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var kind = FileKindProbe.KindOfMode(BitConverter.ToUInt16(buffer, 0x1C));
        if (kind != FileKind.Regular)
        {
            return Error(path, $"is a {FileKindProbe.Describe(kind)}, not a regular file");
        }

        var size = BitConverter.ToInt64(buffer, 0x28);
        return size > limit ? TooLarge(path, size, limit, what) : ReadAll(handle, path, size, limit, what);
    }

    private static ReadResult<byte[]> ReadAll(SafeFileHandle handle, string path, long size, long limit, string what)
    {
        var data = new byte[size];
        long done = 0;
        try
        {
            while (done < size)
            {
                var n = RandomAccess.Read(handle, data.AsSpan((int)done), done);
                if (n == 0)
                {
                    return FormatError.Truncated(path, $"ended at byte {done} while being read ({size} expected)");
                }

                done += n;
            }

            Span<byte> more = stackalloc byte[1];
            if (RandomAccess.Read(handle, more, done) > 0)
            {
                return Error(path, $"grew while being read (the limit for {what} is {InputLimits.Describe(limit)})");
            }
        }
        catch (IOException e)
        {
            return Error(path, $"read error at byte {done}: {e.Message}");
        }

        return data;
    }

    private static ReadResult<byte[]> ReadPortable(string path, long limit, string what, bool followSymlink)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return FormatError.NotPresent(path, "does not exist");
        }

        if (!followSymlink && info.LinkTarget is not null)
        {
            return Error(path, "is a symbolic link, which is not expected here");
        }

        if (info.Length > limit)
        {
            return TooLarge(path, info.Length, limit, what);
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error(path, $"cannot be read: {e.Message}");
        }
    }

    private static FormatError TooLarge(string path, long size, long limit, string what) =>
        Error(path, $"is {size} bytes, more than the limit of {InputLimits.Describe(limit)} for {what}");

    private static FormatError Error(string path, string problem) => new(path, FormatErrorKind.IoError, problem);

    /// <summary>O_NOFOLLOW: 0x20000 on x86, 0x8000 on ARM (the two architectures .NET runs on Linux here).</summary>
    private static int NoFollowFlag() =>
        RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
}
