using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class XensourceInventoryParserTests
{
    /// <summary>
    /// A XenServer 6.5 /etc/xensource-inventory. The keys and values up to BACKUP_PARTITION are from a public
    /// capture ("cat /etc/xensource-inventory" on practicalxenserver.org, "Working With UUIDs", a 6.5 host in
    /// VirtualBox; the page runs the lines together, one KEY='value' per line here as the installer writes
    /// them). The rest are the other keys host-installer's writeInventory() writes, with made-up values.
    /// </summary>
    internal const string XenServer65 =
        "BUILD_NUMBER='90233c'\n" +
        "PLATFORM_VERSION='1.9.0'\n" +
        "DOM0_VCPUS='1'\n" +
        "INSTALLATION_UUID='13ea7f70-953d-48c8-9507-b48510a284a6'\n" +
        "LINUX_KABI_VERSION='3.10.0+2'\n" +
        "MANAGEMENT_ADDRESS_TYPE='IPv4'\n" +
        "PRODUCT_VERSION_TEXT_SHORT='6.5'\n" +
        "BRAND_CONSOLE='XenCenter'\n" +
        "PRIMARY_DISK='/dev/disk/by-id/scsi-SATA_VBOX_HARDDISK_VB7c4f9765-54da6762'\n" +
        "PRODUCT_BRAND='XenServer'\n" +
        "INSTALLATION_DATE='2016-10-31 18:22:27.885636'\n" +
        "PLATFORM_NAME='XCP'\n" +
        "COMPANY_NAME_SHORT='Citrix'\n" +
        "PRODUCT_VERSION_TEXT='6.5'\n" +
        "BACKUP_PARTITION='/dev/disk/by-id/scsi-SATA_VBOX_HARDDISK_VB7c4f9765-54da6762-part2'\n" +
        "PRODUCT_VERSION='6.5.0'\n" +
        "XEN_VERSION='4.4.1-xs90192'\n" +
        "KERNEL_VERSION='3.10.0+2'\n" +
        "CONTROL_DOMAIN_UUID='5b4e1ae5-3a0e-4c5b-9ad9-0a8b2bd1b6f1'\n" +
        "DOM0_MEM='752'\n" +
        "MANAGEMENT_INTERFACE='xenbr0'\n";

    [Fact]
    public void ReadsTheInventoryAsTheShellDoes()
    {
        var parsed = XensourceInventoryParser.Parse(XenServer65);
        parsed.Issues.ShouldBeEmpty();
        ShellOracle.ShouldAgree(parsed.Value.Values, XenServer65);
        parsed.Value.InstallationUuid.ShouldBe("13ea7f70-953d-48c8-9507-b48510a284a6");
        parsed.Value.ProductVersion.ShouldBe("6.5.0");
        parsed.Value.PrimaryDisk.ShouldBe("/dev/disk/by-id/scsi-SATA_VBOX_HARDDISK_VB7c4f9765-54da6762");
        parsed.Value.BackupPartition.ShouldEndWith("-part2");
        parsed.Value.PartitionLayout.ShouldBeEmpty();
    }

    [Fact]
    public void ReadsThePartitionLayoutOfNewerInstalls()
    {
        // host-installer (7.x+) writes PARTITION_LAYOUT='ROOT,BACKUP' + ',LOG,BOOT,SWAP' (GPT, new layout) + ',SR'.
        var parsed = XensourceInventoryParser.Parse("INSTALLATION_UUID='u'\nPARTITION_LAYOUT='ROOT,BACKUP,LOG,BOOT,SWAP,SR'\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.PartitionLayout.ShouldBe(["ROOT", "BACKUP", "LOG", "BOOT", "SWAP", "SR"]);
    }

    [Fact]
    public void AnInventoryWithoutTheHostUuidIsReported()
    {
        XensourceInventoryParser.Parse("PRODUCT_VERSION='6.5.0'\n").Issues.ShouldHaveSingleItem().Problem.ShouldContain("INSTALLATION_UUID");
        XensourceInventoryParser.Parse("INSTALLATION_UUID=''\n").Issues.ShouldHaveSingleItem().Problem.ShouldContain("INSTALLATION_UUID");
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            XensourceInventoryParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
