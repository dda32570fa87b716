namespace Terminal.Decode;

/// <summary>Entry point: <c>dotnet run --project tools/Terminal.Decode -- tlv 6F1A...</c>.</summary>
public static class Program
{
    public static int Main(string[] args) => DecodeCommandLine.Run(args, Console.Out, Console.Error);
}
