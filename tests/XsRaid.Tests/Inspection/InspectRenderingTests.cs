using Spectre.Console;
using XsRaid.Cli.Rendering;
using XsRaid.Inspection;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>The human output of inspect, rendered on a plain console and compared with golden files.</summary>
public sealed class InspectRenderingTests
{
    private static readonly DiskReport Sample = new(
        "/dev/sda",
        4L << 30,
        512,
        "syslinux-gptmbr",
        new PartitionTableReport("gpt", "5B1E6C5A-0D3A-4F1B-9C36-2F6A7E1B8C01", ["backup GPT header: CRC mismatch"],
        [
            new PartitionReport(1, 2048, 3147775, 1536L << 20, "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "0700", "Microsoft basic data",
                "0C6F2C51-1E4F-4B57-8E7A-55A9D3E0A111", "root", true,
                new ContentReport("ext3") { Label = "root-abcdefgh", Uuid = "2560bf95-4378-4678-b9cf-1d8abe8505df" }),
            new PartitionReport(2, 3147776, 6293503, 1536L << 20, "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "0700", "Microsoft basic data",
                "0C6F2C51-1E4F-4B57-8E7A-55A9D3E0A112", "backup", false, ContentReport.Empty),
            new PartitionReport(3, 6293504, 8388574, 1023L << 20, "E6D6D379-F507-44C2-A23C-238F2A3DF928", "8E00", "Linux LVM",
                "0C6F2C51-1E4F-4B57-8E7A-55A9D3E0A113", "sr", false,
                new ContentReport("md-member") { MdVersion = "1.0", Level = "raid1", RaidDevices = 2, Role = 1, Events = 17, ArrayUuid = "0a1b2c3d:4e5f6a7b:8c9d0e1f:2a3b4c5d", Name = "xshost:2", Bitmap = true, Inner = new ContentReport("ext4") { Label = "data" } }),
        ]),
        new ContentReport(ContentType.Unknown) { Findings = ["holds a partition table"] });

    [Fact]
    public void PlainTable()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        console.Profile.Capabilities.Unicode = false;
        InspectRenderer.Render(console, [Sample]);
        Golden.Verify("inspect-table.txt", output.ToString());
    }

    [Fact]
    public void JsonFieldNames()
    {
        Golden.Verify("inspect.json", InspectionJson.Serialize(new InspectionDocument([Sample])) + "\n");
    }
}
