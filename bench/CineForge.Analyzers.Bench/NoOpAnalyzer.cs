// The baselines' analyzers: they make the compiler run its analyzer driver, as every .NET SDK build does,
// and report nothing. They live in the benchmark only, never in a package.
#pragma warning disable RS1041, RS1036, RS2008
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

/// <summary>Looks at syntax only: the driver's own cost, no semantic model.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SyntaxNoOpAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NoOp.Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression);
    }
}

/// <summary>Looks at every invocation's operation, as the .NET SDK's default code analysis (CA rules) does.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationNoOpAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NoOp.Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }
}

internal static class NoOp
{
    public static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
}
