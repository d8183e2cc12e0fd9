namespace XsRaid.Formats;

/// <summary>
/// Raised by <see cref="LittleEndianFields"/> when a reader asks for bytes outside its span. Readers catch it
/// at their boundary and turn it into a <see cref="FormatError"/>; it never escapes a reader.
/// </summary>
public sealed class FieldOutOfRangeException : Exception
{
    public FieldOutOfRangeException(int offset, int count, int length)
        : base($"field [{offset}, +{count}) is outside a {length}-byte structure")
    {
    }

    public FieldOutOfRangeException()
    {
    }

    public FieldOutOfRangeException(string message)
        : base(message)
    {
    }

    public FieldOutOfRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
