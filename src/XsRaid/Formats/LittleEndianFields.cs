using System.Buffers.Binary;

namespace XsRaid.Formats;

/// <summary>
/// Bounds-checked field access over a span. Every accessor checks the slice before taking it, so a caller
/// that first checked the structure's total length can still never read past the end by a mistake.
/// </summary>
public readonly ref struct LittleEndianFields
{
    private readonly ReadOnlySpan<byte> _bytes;

    public LittleEndianFields(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    public bool Has(int offset, int count) =>
        offset >= 0 && count >= 0 && (long)offset + count <= _bytes.Length;

    public ReadOnlySpan<byte> Slice(int offset, int count)
    {
        if (!Has(offset, count))
        {
            throw new FieldOutOfRangeException(offset, count, _bytes.Length);
        }

        return _bytes.Slice(offset, count);
    }

    public byte U8(int offset) => Slice(offset, 1)[0];

    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));

    public uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    public ulong U64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(offset, 8));

    public uint U32BigEndian(int offset) => BinaryPrimitives.ReadUInt32BigEndian(Slice(offset, 4));

    /// <summary>Raw bytes as an RFC 4122 byte-order GUID (big-endian fields), used by ext and md 1.x.</summary>
    public Guid GuidBigEndian(int offset) => new(Slice(offset, 16), bigEndian: true);

    /// <summary>Microsoft mixed-endian GUID as used by GPT.</summary>
    public Guid GuidMixedEndian(int offset) => new(Slice(offset, 16));

    /// <summary>NUL-terminated Latin-1/ASCII string within a fixed field.</summary>
    public string FixedString(int offset, int count)
    {
        var field = Slice(offset, count);
        var end = field.IndexOf((byte)0);
        if (end >= 0)
        {
            field = field[..end];
        }

        return System.Text.Encoding.Latin1.GetString(field);
    }
}
