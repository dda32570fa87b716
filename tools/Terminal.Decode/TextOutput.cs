namespace Terminal.Decode;

/// <summary>
/// Plain-text rendering: one line per data object, "TAG Name [format, length] value", children indented by two
/// spaces, decoded meanings on lines starting with "- ", errors on lines starting with "! ".
/// </summary>
public static class TextOutput
{
    public static void Write(TextWriter w, IEnumerable<TlvNode> nodes, int depth = 0)
    {
        foreach (var node in nodes) Write(w, node, depth);
    }

    public static void Write(TextWriter w, TlvNode node, int depth = 0)
    {
        string indent = new(' ', depth * 2);
        string line = indent + node.Tag + " " + node.Name + " [" + node.Format + ", " + Bytes(node.Length) + "]";
        if (node.Value != null && node.Value.Length > 0) line += " " + node.Value;
        if (node.Text != null) line += " \"" + node.Text + "\"";
        if (node.Masked == true) line += " (masked)";
        w.WriteLine(line);
        if (node.Decoded != null)
        {
            foreach (string d in node.Decoded) w.WriteLine(indent + "  - " + d);
        }
        if (node.Error != null) w.WriteLine(indent + "  ! " + node.Error);
        if (node.Children != null) Write(w, node.Children, depth + 1);
    }

    public static void Write(TextWriter w, IEnumerable<TranscriptStepDecoding> steps)
    {
        bool first = true;
        foreach (var step in steps)
        {
            if (!first) w.WriteLine();
            first = false;
            var c = step.Command;
            w.WriteLine("#" + step.Step + " " + c.Name + " " + c.Apdu);
            if (c.Error != null) w.WriteLine("  ! " + c.Error);
            if (c.Parameters != null)
            {
                foreach (string p in c.Parameters) w.WriteLine("  " + p);
            }
            if (c.Data != null) w.WriteLine("  data [" + Bytes(c.DataLength) + "] " + c.Data);
            if (c.DataObjects != null) Write(w, c.DataObjects, 2);
            if (c.Le != null) w.WriteLine("  Le " + c.Le);
            var r = step.Response;
            if (r.Sw == null)
            {
                w.WriteLine("  response [" + Bytes(r.DataLength) + "] ! " + r.Error);
                continue;
            }
            w.WriteLine("  SW " + r.Sw + " " + r.Status + (r.DataLength > 0 ? ", " + Bytes(r.DataLength) + " of data" : ""));
            if (r.Error != null) w.WriteLine("  ! " + r.Error);
            if (r.DataObjects != null) Write(w, r.DataObjects, 2);
        }
    }

    private static string Bytes(int n) => n == 1 ? "1 byte" : n + " bytes";
}
