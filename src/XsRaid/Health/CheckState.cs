namespace XsRaid.Health;

/// <summary>The verdict of `xsraid check`, numbered as monitoring plugins exit (Nagios plugin API).</summary>
public enum CheckState
{
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}
