namespace CineForge.Rules;

/// <summary>Rule families; the hundreds of a rule id (CF02xx is <see cref="Motion"/>).</summary>
public enum RuleFamily
{
    /// <summary>CF01xx: fixed keyframes before video.</summary>
    Keyframe = 1,

    /// <summary>CF02xx: controlled local animation.</summary>
    Motion = 2,

    /// <summary>CF03xx: characters, light and cut continuity.</summary>
    Continuity = 3,

    /// <summary>CF04xx: strict A/B selection.</summary>
    Selection = 4,

    /// <summary>CF05xx: brief, mission and narrative structure.</summary>
    Story = 5,

    /// <summary>CF06xx: the realistic grade and its order.</summary>
    Grade = 6,

    /// <summary>CF07xx: the sound base.</summary>
    Sound = 7,

    /// <summary>CF08xx: master and distribution exports.</summary>
    Export = 8,
}
