using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CineForge.Analyzers.Tests.Verifiers;

/// <summary>Runs one family analyzer over a film body marked up with <c>{|CF0201:...|}</c>, as a regular file or as a script.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string body, SourceKind kind, params DiagnosticResult[] expected)
    {
        var test = new Test(kind) { TestCode = FilmSource.Of(body, kind) };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.Get(id));

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(SourceKind kind)
        {
            TestSetup.Configure(this, kind);
        }
    }
}

/// <summary>The settings every CineForge analyzer and code-fix test shares.</summary>
internal static class TestSetup
{
    // An empty reference set: the real references are added from disk (TestReferences), so nothing is downloaded.
    private static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, SourceKind kind)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = NoDownload;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest).WithKind(kind == SourceKind.Script ? SourceCodeKind.Script : SourceCodeKind.Regular);
            solution = solution.WithProjectParseOptions(projectId, parse)
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithOutputKind(OutputKind.DynamicallyLinkedLibrary).WithNullableContextOptions(NullableContextOptions.Enable));
            if (kind == SourceKind.Script)
            {
                foreach (var document in solution.GetProject(projectId)!.DocumentIds)
                {
                    solution = solution.WithDocumentSourceCodeKind(document, SourceCodeKind.Script);
                }
            }

            return solution;
        });
    }
}
