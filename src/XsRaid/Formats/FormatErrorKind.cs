namespace XsRaid.Formats;

/// <summary>Why a reader could not return a structure.</summary>
public enum FormatErrorKind
{
    /// <summary>The structure's signature is not there: nothing of this kind at that place.</summary>
    NotPresent,

    /// <summary>The signature is there but the bytes end before the structure does.</summary>
    Truncated,

    /// <summary>The signature is there but a field is impossible (bad size, bad checksum, out of range).</summary>
    Corrupt,

    /// <summary>A valid structure of a version or variant this reader does not handle.</summary>
    Unsupported,

    /// <summary>The underlying device or file could not be read.</summary>
    IoError,
}
