using System.Reflection;
using System.Text;

namespace CineForge.Onnx.Tests;

/// <summary>Pins the public surface of the ONNX backend: a change to it shows up as a reviewed diff.</summary>
public sealed class PublicApiTests
{
    private const string RuntimeSeams = "CineForge.Onnx.Runtime";

    [Fact]
    public void PublicApi_IsPinned()
    {
        Approval.Verify("CineForge.Onnx.api.txt", Describe(t => t.Namespace != RuntimeSeams));
    }

    [Fact]
    public void RuntimeSeamsApi_IsPinned()
    {
        Approval.Verify("CineForge.Onnx.Runtime.api.txt", Describe(t => t.Namespace == RuntimeSeams));
    }

    private static string Describe(Func<Type, bool> include)
    {
        var assembly = typeof(CineForge.Onnx.Pipeline.StableDiffusionPipeline).Assembly;
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(include).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').AppendLine(type.FullName);
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !m.Name.StartsWith('<'))
                .Select(Signature)
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("  ").AppendLine(member);
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) => type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Signature(MemberInfo member) => member switch
    {
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
        ConstructorInfo c => $"ctor({string.Join(", ", c.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{Setter(p)} }}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        Type nested => "nested " + nested.Name,
        _ => member.MemberType + " " + member.Name,
    };

    private static string Setter(PropertyInfo property) => property.SetMethod is not { IsPublic: true } setter ? string.Empty
        : setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? " init;" : " set;";

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        return type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
