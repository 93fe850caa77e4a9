using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CineForge.Analyzers.Tests.Verifiers;

/// <summary>Checks a code fix before/after, and (built into the test framework) its fix-all in document, project and solution.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string before, string after, SourceKind kind)
    {
        var test = new Test(kind) { TestCode = FilmSource.Of(before, kind), FixedCode = FilmSource.Of(after, kind) };
        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(SourceKind kind) => TestSetup.Configure(this, kind);
    }
}
