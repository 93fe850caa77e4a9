using System.Reflection;
using System.Text;

namespace CineForge.Testing;

/// <summary>
/// Writes an assembly's public surface as sorted text, for approved-file API pins. Linked into each
/// test project that pins an API, so every pin reads the same way.
/// </summary>
internal static class PublicApiText
{
    public static string Describe(Assembly assembly, Func<Type, bool>? include = null)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(include ?? (_ => true)).OrderBy(t => t.FullName, StringComparer.Ordinal))
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
