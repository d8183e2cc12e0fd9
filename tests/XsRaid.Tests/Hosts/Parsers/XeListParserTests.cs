using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class XeListParserTests
{
    /// <summary>
    /// "xe sr-list" on a XenServer 6.5 host, from alexoughton/rtd-openstack-xenserver,
    /// docs/07-build-xenserver-host.rst (step 35), with the document's 7-space block indent removed.
    /// </summary>
    private const string SrList65 = """
        uuid ( RO)                : ef0adc0a-3b56-5e9d-4824-0821f4be7ed4
                  name-label ( RW): Removable storage
            name-description ( RW):
                        host ( RO): compute1.openstack.lab.eco.rackspace.com
                        type ( RO): udev
                content-type ( RO): disk


        uuid ( RO)                : 6658e157-a534-a450-c4db-2ca6dd6296cf
                  name-label ( RW): Local storage
            name-description ( RW):
                        host ( RO): compute1.openstack.lab.eco.rackspace.com
                        type ( RO): ext
                content-type ( RO): user


        uuid ( RO)                : f04950c1-ee7b-2ccb-e3e2-127a5bffc5a6
                  name-label ( RW): CIFS ISO library
            name-description ( RW): CIFS ISO Library [\\windows.lab.eco.rackspace.com\ISOs]
                        host ( RO): compute1.openstack.lab.eco.rackspace.com
                        type ( RO): iso
                content-type ( RO): iso


        uuid ( RO)                : 7a549ca7-d1af-cf72-fd7e-2f48448354e8
                  name-label ( RW): DVD drives
            name-description ( RW): Physical DVD drives
                        host ( RO): compute1.openstack.lab.eco.rackspace.com
                        type ( RO): udev
                content-type ( RO): iso


        uuid ( RO)                : 9a4f8404-7745-b582-484f-108917bf1488
                  name-label ( RW): XenServer Tools
            name-description ( RW): XenServer Tools ISOs
                        host ( RO): compute1.openstack.lab.eco.rackspace.com
                        type ( RO): iso
                content-type ( RO): iso

        """;

    /// <summary>
    /// "xe sr-list uuid=... params=all" and "xe pbd-list sr-uuid=..." for a local LVM SR on a XenServer 7
    /// host (public GitHub notes on adding and removing XenServer disks, host HOMSOM-XEN08, found with the
    /// search tool); "name-description ( RW): " keeps its trailing blank as xe prints it.
    /// </summary>
    private const string SrParamsAll7 =
        "uuid ( RO)                    : b233727a-ca4b-f244-8ee4-6573e6926138\n" +
        "              name-label ( RW): Local\n" +
        "        name-description ( RW): \n" +
        "                    host ( RO): XEN08.RACK06.IDC01.HS.COM\n" +
        "      allowed-operations (SRO): VDI.enable_cbt; VDI.list_changed_blocks; unplug; plug; PBD.create; VDI.disable_cbt; update; PBD.destroy; VDI.resize; VDI.clone; VDI.data_destroy; scan; VDI.snapshot; VDI.mirror; VDI.create; VDI.destroy; VDI.set_on_boot\n" +
        "      current-operations (SRO): \n" +
        "                    VDIs (SRO): \n" +
        "                    PBDs (SRO): c6efe80b-8b47-b24b-f70e-143b24cd4257\n" +
        "      virtual-allocation ( RO): 0\n" +
        "    physical-utilisation ( RO): 4194304\n" +
        "           physical-size ( RO): 1199088599040\n" +
        "                    type ( RO): lvm\n" +
        "            content-type ( RO): user\n" +
        "                  shared ( RW): false\n" +
        "           introduced-by ( RO): <not in database>\n" +
        "             is-tools-sr ( RO): false\n" +
        "            other-config (MRW): \n" +
        "               sm-config (MRO): allocation: thick; use_vhd: true; devserial: scsi-36b82a720d65c19002949b51036f8cdf7\n" +
        "                   blobs ( RO): \n" +
        "     local-cache-enabled ( RO): false\n" +
        "                    tags (SRW): \n" +
        "               clustered ( RO): false\n";

    private const string PbdList7 =
        "uuid ( RO)                  : c6efe80b-8b47-b24b-f70e-143b24cd4257\n" +
        "             host-uuid ( RO): de343b8e-dd4c-4277-89ae-30a9a2ba2289\n" +
        "               sr-uuid ( RO): b233727a-ca4b-f244-8ee4-6573e6926138\n" +
        "         device-config (MRO): device: /dev/disk/by-id/scsi-36b82a720d65c19002949b51036f8cdf7\n" +
        "    currently-attached ( RO): true\n";

    [Fact]
    public void ReadsTheDefaultSrListing()
    {
        var parsed = XeListParser.Parse(SrList65);
        parsed.Issues.ShouldBeEmpty();
        var srs = parsed.Value.Select(XeStorageRepository.From).ToList();
        srs.Select(s => s!.NameLabel).ShouldBe(["Removable storage", "Local storage", "CIFS ISO library", "DVD drives", "XenServer Tools"]);
        var local = srs[1]!;
        local.Uuid.ShouldBe("6658e157-a534-a450-c4db-2ca6dd6296cf");
        local.Type.ShouldBe("ext");
        local.ContentType.ShouldBe("user");
        local.Host.ShouldBe("compute1.openstack.lab.eco.rackspace.com");
        local.Shared.ShouldBeNull(); // not in the default field set
        parsed.Value[2].Get("name-description").ShouldBe(@"CIFS ISO Library [\\windows.lab.eco.rackspace.com\ISOs]");
        parsed.Value[1].Get("name-description").ShouldBe("");
        parsed.Value[0].Field("name-label")!.Writable.ShouldBeTrue();
        parsed.Value[0].Field("uuid")!.Writable.ShouldBeFalse();
    }

    [Fact]
    public void ReadsParamsAllWithSetsAndMaps()
    {
        var parsed = XeListParser.Parse(SrParamsAll7);
        parsed.Issues.ShouldBeEmpty();
        var record = parsed.Value.ShouldHaveSingleItem();
        record.Fields.Count.ShouldBe(22);
        record.Field("allowed-operations")!.Kind.ShouldBe(XeFieldKind.Set);
        record.GetSet("allowed-operations").Count.ShouldBe(17);
        record.GetSet("VDIs").ShouldBeEmpty();
        record.Field("sm-config")!.Kind.ShouldBe(XeFieldKind.Map);
        record.GetMap("other-config").ShouldBeEmpty();

        var sr = XeStorageRepository.From(record)!;
        sr.Type.ShouldBe("lvm");
        sr.Shared.ShouldBe(false);
        sr.Pbds.ShouldBe(["c6efe80b-8b47-b24b-f70e-143b24cd4257"]);
        sr.SmConfig["devserial"].ShouldBe("scsi-36b82a720d65c19002949b51036f8cdf7");
        sr.SmConfig["allocation"].ShouldBe("thick");
        record.Get("introduced-by").ShouldBe("<not in database>");
    }

    [Fact]
    public void ReadsThePbdOfTheSameSr()
    {
        var parsed = XeListParser.Parse(PbdList7);
        parsed.Issues.ShouldBeEmpty();
        var pbd = XePhysicalBlockDevice.From(parsed.Value.ShouldHaveSingleItem())!;
        var sr = XeStorageRepository.From(XeListParser.Parse(SrParamsAll7).Value.Single())!;
        pbd.SrUuid.ShouldBe(sr.Uuid);
        sr.Pbds.ShouldContain(pbd.Uuid);
        pbd.DeviceConfig.ShouldBe(new Dictionary<string, string> { ["device"] = "/dev/disk/by-id/scsi-36b82a720d65c19002949b51036f8cdf7" });
        pbd.DeviceConfig["device"].ShouldEndWith(sr.SmConfig["devserial"]);
        pbd.CurrentlyAttached.ShouldBe(true);
    }

    [Fact]
    public void ReadsAMapWithSeveralKeys()
    {
        // "xe pbd-list" of a local ISO SR (public notes on creating an ISO library on XenServer).
        var parsed = XeListParser.Parse("uuid ( RO)                  : 86ffd533-5f3e-012a-280f-964e6a2b8c55\n" +
            "         device-config (MRO): location: /var/opt/ISO_IMAGES; legacy_mode: true\n");
        XePhysicalBlockDevice.From(parsed.Value.Single())!.DeviceConfig
            .ShouldBe(new Dictionary<string, string> { ["location"] = "/var/opt/ISO_IMAGES", ["legacy_mode"] = "true" }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\n", new string[0])]
    [InlineData("6658e157-a534-a450-c4db-2ca6dd6296cf\n", new[] { "6658e157-a534-a450-c4db-2ca6dd6296cf" })]
    [InlineData("a1,b2,c3\n", new[] { "a1", "b2", "c3" })]
    public void ReadsTheMinimalForm(string text, string[] expected)
    {
        XeListParser.ParseMinimal(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("uuid ( RO): a\nuuid ( RO): b\n", "twice")]
    [InlineData("uuid : a\n", "not a 'name ( RO): value' line")]
    [InlineData("uuid (XRO): a\n", "not a 'name ( RO): value' line")]
    [InlineData("the uuid ( RO): a\n", "not a 'name ( RO): value' line")]
    [InlineData("uuid ( RO): a\n   continued text\n", "not a 'name ( RO): value' line")]
    public void MalformedLinesBecomeIssues(string text, string problem)
    {
        XeListParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            XeListParser.Parse(garbage).Issues.ShouldNotBeEmpty();
            _ = XeListParser.ParseMinimal(garbage);
        }
    }
}
