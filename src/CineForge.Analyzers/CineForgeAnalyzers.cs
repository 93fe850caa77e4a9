using System.Collections.Immutable;
using CineForge.Analyzers.Continuity;
using CineForge.Analyzers.Export;
using CineForge.Analyzers.Grade;
using CineForge.Analyzers.Keyframe;
using CineForge.Analyzers.Motion;
using CineForge.Analyzers.Selection;
using CineForge.Analyzers.Sound;
using CineForge.Analyzers.Story;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers;

/// <summary>Every CineForge analyzer, one per rule family, for hosts that run them in-process (<c>compilation.WithAnalyzers(CineForgeAnalyzers.All)</c>).</summary>
public static class CineForgeAnalyzers
{
    /// <summary>New instances of the eight family analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All => ImmutableArray.Create<DiagnosticAnalyzer>(
        new KeyframeAnalyzer(),
        new MotionAnalyzer(),
        new ContinuityAnalyzer(),
        new SelectionAnalyzer(),
        new StoryAnalyzer(),
        new GradeAnalyzer(),
        new SoundAnalyzer(),
        new ExportAnalyzer());
}
