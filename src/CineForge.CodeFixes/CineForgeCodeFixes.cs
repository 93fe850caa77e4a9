using System.Collections.Immutable;
using CineForge.CodeFixes.Continuity;
using CineForge.CodeFixes.Grade;
using CineForge.CodeFixes.Keyframe;
using CineForge.CodeFixes.Motion;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CineForge.CodeFixes;

/// <summary>Every CineForge code fix, for hosts that apply fixes themselves (IDEs find them through the package).</summary>
public static class CineForgeCodeFixes
{
    /// <summary>New instances of the code fixes.</summary>
    public static ImmutableArray<CodeFixProvider> All => ImmutableArray.Create<CodeFixProvider>(
        new AddSeedCodeFix(),
        new ReplaceArgumentCodeFix(),
        new SplitClipCodeFix(),
        new ReorderGradeCodeFix(),
        new ShowProductCodeFix());
}
