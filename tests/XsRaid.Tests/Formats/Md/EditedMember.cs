using System.Buffers.Binary;
using XsRaid.Formats.Md;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// A real fixture member whose superblock a test edits field by field (little-endian, at the md layout offsets),
/// with the checksum recomputed unless the test wants it wrong, and the result saved for the live tools.
/// </summary>
public sealed class EditedMember : IDisposable
{
    private readonly MdFixtureImage _image;

    public EditedMember(string relativeGz)
    {
        _image = new MdFixtureImage(relativeGz);
        Original = _image.Find();
    }

    public MdSuperblock Original { get; }

    public string Path => _image.Path;

    public byte[] Bytes => _image.Bytes;

    public Span<byte> Superblock => _image.Bytes.AsSpan((int)Original.SuperblockOffset, MdSuperblock090.Size);

    public EditedMember U16(int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Superblock[offset..], value);
        return this;
    }

    public EditedMember U32(int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Superblock[offset..], value);
        return this;
    }

    public EditedMember U64(int offset, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Superblock[offset..], value);
        return this;
    }

    public EditedMember I32(int offset, int value) => U32(offset, unchecked((uint)value));

    /// <summary>Recomputes the checksum the way mdadm does, so only the edited fields differ.</summary>
    public EditedMember FixChecksum()
    {
        var span = Superblock;
        if (Original.Version == "0.90")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[152..], MdChecksum.Compute090(span));
        }
        else
        {
            var length = MdSuperblock1.HeaderSize + (2 * (int)BinaryPrimitives.ReadUInt32LittleEndian(span[220..]));
            BinaryPrimitives.WriteUInt32LittleEndian(span[216..], MdChecksum.Compute1(span, length));
        }

        return this;
    }

    public MdSuperblock SaveAndFind()
    {
        File.WriteAllBytes(Path, _image.Bytes);
        return _image.Find();
    }

    public XsRaid.Devices.IBlockSource Source => _image.Source;

    public void Dispose() => _image.Dispose();
}
