using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers;

/// <summary>What a family needs from the analysis context it runs in: the semantic model, cancellation, and where diagnostics go.</summary>
internal readonly struct PlanScope
{
    public PlanScope(SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Model = model;
        Report = report;
        CancellationToken = cancellationToken;
    }

    public SemanticModel Model { get; }

    public Action<Diagnostic> Report { get; }

    public CancellationToken CancellationToken { get; }
}
