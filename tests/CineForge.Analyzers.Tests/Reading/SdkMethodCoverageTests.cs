using System.Reflection;
using CineForge.Analyzers.Reading;

namespace CineForge.Analyzers.Tests.Reading;

/// <summary>
/// The reader knows the SDK through one table (<see cref="SdkMethods"/>), bound to symbols per
/// compilation. A setter the table does not know makes a chain unknown and its rules silent, so every
/// public fluent method of the SDK must be in the table or in its list of deliberately ignored ones,
/// and every entry of the table must still be a method of the SDK.
/// </summary>
public sealed class SdkMethodCoverageTests
{
    /// <summary>The types whose fluent chains the reader reads.</summary>
    private static readonly Type[] Fluent =
    {
        typeof(Shot), typeof(Film), typeof(Character), typeof(Product), typeof(Brief), typeof(Intention), typeof(Charter), typeof(GradeChain),
        typeof(SoundMix), typeof(ExportSet), typeof(KeyframeSettings), typeof(VariantChanges), typeof(Format),
    };

    /// <summary>
    /// Public fluent methods of the SDK: extension methods that take one of <see cref="Fluent"/> and
    /// return it (setters), and static methods of Shot, Character, Product, Film and Format that return their
    /// type (presets), as "Declaring.Type.Method".
    /// </summary>
    public static IReadOnlyList<string> SdkFluentMethods() => typeof(Film).Assembly.GetExportedTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => (Type: t, Method: m)))
        .Where(x => IsSetter(x.Method) || IsPreset(x.Type, x.Method))
        .Select(x => x.Type.FullName + "." + x.Method.Name)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void EverySdkFluentMethod_IsReadOrDeliberatelyIgnored()
    {
        var known = SdkMethods.Handled.Select(h => h.Type + "." + h.Method).Concat(SdkMethods.Ignored.Select(i => i.Type + "." + i.Method)).ToHashSet(StringComparer.Ordinal);
        var unread = SdkFluentMethods().Where(m => !known.Contains(m)).ToList();
        Assert.True(unread.Count == 0, "The analyzers' reader (src/CineForge.Analyzers/Reading/SdkMethods.cs) neither reads nor deliberately ignores these SDK methods, so a chain through them is not checked: " + string.Join(", ", unread));
    }

    [Fact]
    public void EveryReaderEntry_IsAnSdkMethod()
    {
        var sdk = SdkFluentMethods().ToHashSet(StringComparer.Ordinal);
        var stale = SdkMethods.Handled.Select(h => h.Type + "." + h.Method).Concat(SdkMethods.Ignored.Select(i => i.Type + "." + i.Method)).Distinct().Where(m => !sdk.Contains(m)).ToList();
        Assert.True(stale.Count == 0, "The analyzers' reader (src/CineForge.Analyzers/Reading/SdkMethods.cs) reads methods the SDK does not have (renamed or removed), so their rules are silent: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheSdkHasFluentMethods() => Assert.True(SdkFluentMethods().Count > 80, string.Join(", ", SdkFluentMethods()));

    private static bool IsSetter(MethodInfo method) =>
        method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false)
        && method.GetParameters() is [var first, ..] && Fluent.Contains(first.ParameterType) && method.ReturnType == first.ParameterType;

    private static bool IsPreset(Type type, MethodInfo method) =>
        type == method.ReturnType && (type == typeof(Shot) || type == typeof(Character) || type == typeof(Product) || type == typeof(Film) || type == typeof(Format)) && !method.IsSpecialName;
}
