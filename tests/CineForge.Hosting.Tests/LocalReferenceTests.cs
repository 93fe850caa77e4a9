using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CineForge.Hosting.Tests;

public sealed class LocalReferenceTests
{
    [Fact]
    public async Task LocalAssembly_ReferencedWithHashR_IsCompiledAgainstAndLoaded()
    {
        using var temp = new TempFolder();
        EmitLibrary(Path.Combine(temp.Directory, "lib", "Looks.dll"), "public static class Looks { public static string Title => \"From A Library\"; }");
        var path = temp.Write("film.csx", Scripts.Sdk + "#r \"lib/Looks.dll\"\n" + Scripts.Using + "return " + Scripts.Film().Replace("\"Tiny\"", "Looks.Title", StringComparison.Ordinal) + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal("From A Library", Assert.Single(result.Films).Title);
    }

    [Fact]
    public async Task MissingLocalAssembly_IsReportedAtItsDirective()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Sdk + "#r \"lib/Missing.dll\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("#r: assembly not found: lib/Missing.dll", error.Message);
        Assert.Equal(new SourceSpot(path, 2, 1), error.Location);
    }

    private static void EmitLibrary(string path, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { "System.Runtime.dll", "System.Private.CoreLib.dll" }.Select(f => MetadataReference.CreateFromFile(Path.Combine(runtime, f))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
