using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Terminal.Tests.DeviceBuild;

/// <summary>
/// Reads the assembly that nf.proj compiled against the device mscorlib and reports what the
/// nanoFramework 1.x runtime cannot load: references other than mscorlib, generic type or method
/// definitions, and instantiations of generic types or methods (TypeSpec GENERICINST, MethodSpec).
/// </summary>
public sealed class DeviceAssemblyInspector
{
    public List<string> ForeignReferences { get; } = new();
    public List<string> GenericDefinitions { get; } = new();
    public List<string> GenericInstantiations { get; } = new();
    public long IlBytes { get; private set; }
    public int MethodCount { get; private set; }
    public int TypeCount { get; private set; }

    public static string DefaultPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("repository root (nf.proj) not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir.FullName, "bin", "nf", "Terminal.Device.dll");
    }

    public static DeviceAssemblyInspector Inspect(string path)
    {
        var result = new DeviceAssemblyInspector();
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();

        foreach (var h in md.AssemblyReferences)
        {
            var r = md.GetAssemblyReference(h);
            string name = md.GetString(r.Name);
            if (name != "mscorlib") result.ForeignReferences.Add(name + " " + r.Version);
        }

        foreach (var h in md.TypeDefinitions)
        {
            var t = md.GetTypeDefinition(h);
            result.TypeCount++;
            string typeName = FullName(md, t);
            if (t.GetGenericParameters().Count > 0) result.GenericDefinitions.Add("type " + typeName);
            foreach (var mh in t.GetMethods())
            {
                var m = md.GetMethodDefinition(mh);
                result.MethodCount++;
                if (m.GetGenericParameters().Count > 0) result.GenericDefinitions.Add("method " + typeName + "." + md.GetString(m.Name));
                if (m.RelativeVirtualAddress != 0)
                {
                    var body = pe.GetMethodBody(m.RelativeVirtualAddress);
                    result.IlBytes += body.Size;
                    ScanBody(md, body, typeName + "." + md.GetString(m.Name), result);
                }
            }
            foreach (var fh in t.GetFields())
            {
                var f = md.GetFieldDefinition(fh);
                var sig = md.GetBlobReader(f.Signature);
                if (ContainsGenericInst(sig)) result.GenericInstantiations.Add("field " + typeName + "." + md.GetString(f.Name));
            }
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var ts = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            var reader = md.GetBlobReader(ts.Signature);
            if (ContainsGenericInst(reader))
                result.GenericInstantiations.Add("type spec " + Describe(md, ts.Signature));
        }
        for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var ms = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            result.GenericInstantiations.Add("method spec " + MemberName(md, ms.Method));
        }
        return result;
    }

    private static void ScanBody(MetadataReader md, MethodBodyBlock body, string owner, DeviceAssemblyInspector result)
    {
        if (!body.LocalSignature.IsNil)
        {
            var sig = md.GetStandaloneSignature(body.LocalSignature);
            var reader = md.GetBlobReader(sig.Signature);
            if (ContainsGenericInst(reader)) result.GenericInstantiations.Add("locals of " + owner);
        }
    }

    /// <summary>True when a signature blob contains ELEMENT_TYPE_GENERICINST (0x15), MVAR (0x1E) or VAR (0x13).</summary>
    private static bool ContainsGenericInst(BlobReader reader)
    {
        // A conservative byte scan would give false positives on compressed integers; decode instead.
        try
        {
            var provider = new GenericDetector();
            var decoder = new SignatureDecoder<bool, object>(provider, null, null);
            var header = reader.ReadSignatureHeader();
            reader.Reset();
            switch (header.Kind)
            {
                case SignatureKind.Field:
                    return decoder.DecodeFieldSignature(ref reader);
                case SignatureKind.LocalVariables:
                    return decoder.DecodeLocalSignature(ref reader).Any(x => x);
                case SignatureKind.Method:
                case SignatureKind.Property:
                    var m = decoder.DecodeMethodSignature(ref reader);
                    return m.ReturnType || m.ParameterTypes.Any(x => x) || m.GenericParameterCount > 0;
                default:
                    reader.Reset();
                    return decoder.DecodeType(ref reader);
            }
        }
        catch (BadImageFormatException)
        {
            // Type spec blobs have no header: decode as a type.
            reader.Reset();
            var decoder = new SignatureDecoder<bool, object>(new GenericDetector(), null, null);
            return decoder.DecodeType(ref reader);
        }
    }

    private static string Describe(MetadataReader md, BlobHandle blob)
    {
        var reader = md.GetBlobReader(blob);
        var decoder = new SignatureDecoder<string, object>(new NameProvider(md), md, null);
        try { return decoder.DecodeType(ref reader); } catch (BadImageFormatException) { return "(unreadable)"; }
    }

    private static string MemberName(MetadataReader md, EntityHandle h)
    {
        switch (h.Kind)
        {
            case HandleKind.MethodDefinition:
                var m = md.GetMethodDefinition((MethodDefinitionHandle)h);
                return FullName(md, md.GetTypeDefinition(m.GetDeclaringType())) + "." + md.GetString(m.Name);
            case HandleKind.MemberReference:
                var r = md.GetMemberReference((MemberReferenceHandle)h);
                string parent = r.Parent.Kind switch
                {
                    HandleKind.TypeReference => TypeRefName(md, (TypeReferenceHandle)r.Parent),
                    HandleKind.TypeDefinition => FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)r.Parent)),
                    HandleKind.TypeSpecification => Describe(md, md.GetTypeSpecification((TypeSpecificationHandle)r.Parent).Signature),
                    _ => "?"
                };
                return parent + "." + md.GetString(r.Name);
            default:
                return h.Kind.ToString();
        }
    }

    private static string FullName(MetadataReader md, TypeDefinition t)
    {
        string ns = md.GetString(t.Namespace);
        string name = md.GetString(t.Name);
        if (t.GetDeclaringType() is { IsNil: false } outer) return FullName(md, md.GetTypeDefinition(outer)) + "+" + name;
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string TypeRefName(MetadataReader md, TypeReferenceHandle h)
    {
        var r = md.GetTypeReference(h);
        string ns = md.GetString(r.Namespace);
        return (ns.Length == 0 ? "" : ns + ".") + md.GetString(r.Name);
    }

    private sealed class GenericDetector : ISignatureTypeProvider<bool, object>
    {
        public bool GetArrayType(bool elementType, ArrayShape shape) => true; // multidimensional arrays: unsupported too
        public bool GetByReferenceType(bool elementType) => elementType;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => false;
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => true;
        public bool GetGenericMethodParameter(object genericContext, int index) => true;
        public bool GetGenericTypeParameter(object genericContext, int index) => true;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => unmodifiedType;
        public bool GetPinnedType(bool elementType) => elementType;
        public bool GetPointerType(bool elementType) => elementType;
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;
        public bool GetSZArrayType(bool elementType) => elementType;
        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => false;
    }

    private sealed class NameProvider : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _md;
        public NameProvider(MetadataReader md) { _md = md; }
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericMethodParameter(object genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, reader.GetTypeDefinition(handle));
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeRefName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
