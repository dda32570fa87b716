using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Terminal self-test scenarios as nanoFramework unit tests")]
[assembly: AssemblyProduct("Terminal")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
