namespace XsRaid.Tests.Formats.Gpt;

/// <summary>Byte-level damage done to an image file, the way a bad write or a bit flip would.</summary>
internal static class ImageBytes
{
    public static void FlipByte(string path, long offset)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        fs.Position = offset;
        var b = fs.ReadByte();
        fs.Position = offset;
        fs.WriteByte((byte)(b ^ 0xFF));
    }

    public static void WriteByte(string path, long offset, byte value)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Write);
        fs.Position = offset;
        fs.WriteByte(value);
    }

    public static void CopyRange(string from, string to, long offset, int count)
    {
        var bytes = new byte[count];
        using (var input = new FileStream(from, FileMode.Open, FileAccess.Read))
        {
            input.Position = offset;
            input.ReadExactly(bytes);
        }

        using var output = new FileStream(to, FileMode.Open, FileAccess.Write);
        output.Position = offset;
        output.Write(bytes);
    }

    public static long Length(string path) => new FileInfo(path).Length;
}
