using System;

namespace CineForge.Rules;

/// <summary>Where a rule can be seen: in source, in the plan at run time, in rendered output.</summary>
[Flags]
public enum RuleScope
{
    /// <summary>Not checked anywhere (never used by a shipped rule).</summary>
    None = 0,

    /// <summary>Analyzers flag it from constant arguments in the fluent chain.</summary>
    Compile = 1,

    /// <summary><c>Film.Validate()</c> flags it from the plan.</summary>
    Run = 2,

    /// <summary>Runtime QA measures it on rendered frames or sound.</summary>
    Measured = 4,

    /// <summary>The asset files a film names are opened and probed: by <c>cineforge check</c> and by the render before any work.</summary>
    Assets = 8,
}
