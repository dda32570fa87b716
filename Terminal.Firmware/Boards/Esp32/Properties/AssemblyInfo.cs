using System.Reflection;

[assembly: AssemblyTitle("Terminal.Boards.Esp32")]
[assembly: AssemblyDescription("EMV payment terminal firmware for the ESP32 (nanoFramework 1.x)")]
[assembly: AssemblyProduct("Terminal")]
[assembly: AssemblyVersion("1.0.0.0")]
