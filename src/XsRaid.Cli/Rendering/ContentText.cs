using XsRaid.Inspection;

namespace XsRaid.Cli.Rendering;

/// <summary>One line that says what a device holds, e.g. "md-member 0.90 raid1 role 0 of 2 (ext3 inside)".</summary>
public static class ContentText
{
    public static string Describe(ContentReport c)
    {
        var parts = new List<string> { c.Type };
        if (c.Type == ContentType.MdMember)
        {
            parts.Add($"{c.MdVersion} {c.Level}");
            parts.Add(c.Role is { } r ? $"role {r} of {c.RaidDevices}" : $"spare/removed of {c.RaidDevices}");
            parts.Add($"events {c.Events}");
            parts.Add($"array {c.ArrayUuid}");
            if (c.Name is not null)
            {
                parts.Add($"name {c.Name}");
            }

            if (c.Bitmap == true)
            {
                parts.Add("bitmap");
            }
        }
        else
        {
            if (c.Label is not null)
            {
                parts.Add($"label {c.Label}");
            }

            if (c.Uuid is not null)
            {
                parts.Add($"uuid {c.Uuid}");
            }

            if (c.VgName is not null)
            {
                parts.Add($"vg {c.VgName}");
            }
        }

        if (c.Inner is { } inner)
        {
            parts.Add($"({Describe(inner)} inside)");
        }

        if (c.Findings.Count > 0)
        {
            parts.Add("! " + string.Join("; ", c.Findings));
        }

        return string.Join(' ', parts);
    }
}
