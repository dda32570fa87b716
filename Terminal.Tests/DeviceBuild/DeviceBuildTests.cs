using Xunit;
using Xunit.Abstractions;

namespace Terminal.Tests.DeviceBuild;

/// <summary>
/// The device assembly (nf.proj, compiled against nanoFramework.CoreLibrary 1.17.11) must reference only
/// mscorlib and must neither define nor instantiate a generic type or method: the 1.x runtime has none.
/// The test command builds nf.proj before the tests run.
/// </summary>
public class DeviceBuildTests
{
    private readonly ITestOutputHelper _out;
    public DeviceBuildTests(ITestOutputHelper output) { _out = output; }

    private static DeviceAssemblyInspector Load()
    {
        string path = DeviceAssemblyInspector.DefaultPath();
        Assert.True(File.Exists(path), "device assembly missing: " + path + " (run `dotnet build nf.proj` first; the test command does)");
        return DeviceAssemblyInspector.Inspect(path);
    }

    [Fact]
    public void Device_assembly_references_only_mscorlib()
    {
        var r = Load();
        Assert.True(r.ForeignReferences.Count == 0, "device assembly references: " + string.Join(", ", r.ForeignReferences));
    }

    [Fact]
    public void Device_assembly_defines_no_generic_type_or_method()
    {
        var r = Load();
        Assert.True(r.GenericDefinitions.Count == 0, "generic definitions: " + string.Join(", ", r.GenericDefinitions));
    }

    [Fact]
    public void Device_assembly_instantiates_no_generic_type_or_method()
    {
        var r = Load();
        Assert.True(r.GenericInstantiations.Count == 0, "generic instantiations: " + string.Join(", ", r.GenericInstantiations.Distinct()));
    }

    [Fact]
    public void Device_assembly_has_code()
    {
        var r = Load();
        string line = $"device assembly Terminal.Device.dll: {r.TypeCount} types, {r.MethodCount} methods, {r.IlBytes} bytes of IL";
        _out.WriteLine(line);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(DeviceAssemblyInspector.DefaultPath())!, "device-size.txt"), line + Environment.NewLine);
        Assert.True(r.IlBytes > 0);
    }
}
