using System;
using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>What a shot shows at a cut, for the transition rule (CF0303); null where not set or not known.</summary>
public readonly struct CutLook
{
    /// <summary>Creates the look of one side of a cut.</summary>
    public CutLook(GazeAxis? gaze, LightDirection? light, double? grain, Level? contrast, double? motion)
    {
        Gaze = gaze;
        Light = light;
        Grain = grain;
        Contrast = contrast;
        Motion = motion;
    }

    /// <summary>Gaze axis.</summary>
    public GazeAxis? Gaze { get; }

    /// <summary>Light direction: the shot's own or the charter's.</summary>
    public LightDirection? Light { get; }

    /// <summary>Grain density.</summary>
    public double? Grain { get; }

    /// <summary>Contrast level.</summary>
    public Level? Contrast { get; }

    /// <summary>Motion strength (apparent speed).</summary>
    public double? Motion { get; }
}

/// <summary>The continuity rules (CF0301–CF0304), each written once (see <see cref="ShotChecks"/>).</summary>
public static class ContinuityRules
{
    /// <summary>
    /// CF0301: a character whose sheet is not in the cast or lacks a part. The finding's subject is the
    /// character's name; <paramref name="shot"/> is the shot's subject.
    /// </summary>
    public static RuleFinding? Sheet(string shot, bool inCast, bool hasFace, bool hasWardrobe, bool hasSeed)
    {
        var missing = new List<string>();
        if (!inCast)
        {
            missing.Add(MessageParts.NotInCast);
        }

        if (!hasFace)
        {
            missing.Add(MessageParts.SheetFace);
        }

        if (!hasWardrobe)
        {
            missing.Add(MessageParts.Wardrobe);
        }

        if (!hasSeed)
        {
            missing.Add(MessageParts.Seed);
        }

        return missing.Count > 0 ? new RuleFinding(RuleIds.CF0301, 0, shot, MessageParts.JoinList(missing)) : null;
    }

    /// <summary>CF0302: a shot that overrides a locked part of <paramref name="character"/>'s sheet, one finding a part.</summary>
    public static IReadOnlyList<RuleFinding> Overrides(string character, bool face, bool wardrobe, bool seed)
    {
        var found = new List<RuleFinding>();
        if (face)
        {
            found.Add(new RuleFinding(RuleIds.CF0302, 0, MessageParts.FaceDescriptors, character));
        }

        if (wardrobe)
        {
            found.Add(new RuleFinding(RuleIds.CF0302, 1, MessageParts.Wardrobe, character));
        }

        if (seed)
        {
            found.Add(new RuleFinding(RuleIds.CF0302, 2, MessageParts.Seed, character));
        }

        return found;
    }

    /// <summary>CF0304: a shot without a dominant light (its own or the charter's), or lit against the charter.</summary>
    public static RuleFinding? Light(LightDirection? shot, LightDirection? charter)
    {
        var light = shot ?? charter;
        if (light is null)
        {
            return new RuleFinding(RuleIds.CF0304, 0, MessageParts.NoDominantLight);
        }

        return charter is { } lit && light != lit ? new RuleFinding(RuleIds.CF0304, 0, MessageParts.LightAgainstCharter(light.Value, lit)) : null;
    }

    /// <summary>
    /// CF0303: a cut that changes more than two of the transition rule's dimensions. The finding's subject
    /// is the shot before the cut; <paramref name="shot"/> is the subject of the shot after it.
    /// </summary>
    public static RuleFinding? Cut(string shot, CutLook from, CutLook to)
    {
        var changes = Changes(from, to);
        return changes.Count > Continuity.MaxChangesPerCut ? new RuleFinding(RuleIds.CF0303, 0, shot, changes.Count, MessageParts.JoinList(changes)) : null;
    }

    /// <summary>The dimensions that change between two shots; unknown values never count as a change.</summary>
    public static IReadOnlyList<string> Changes(CutLook from, CutLook to)
    {
        var changes = new List<string>();
        var dimensions = Continuity.Dimensions;
        if (from.Gaze is { } g1 && to.Gaze is { } g2 && g1 != g2)
        {
            changes.Add(dimensions[0]);
        }

        if (from.Light is { } l1 && to.Light is { } l2 && l1 != l2)
        {
            changes.Add(dimensions[1]);
        }

        if (from.Grain is { } d1 && to.Grain is { } d2 && Math.Abs(d1 - d2) >= Continuity.GrainDensityStep - 1e-9)
        {
            changes.Add(dimensions[2]);
        }

        if (from.Contrast is { } c1 && to.Contrast is { } c2 && c1 != c2)
        {
            changes.Add(dimensions[3]);
        }

        if (from.Motion is { } m1 && to.Motion is { } m2 && Math.Abs(m1 - m2) >= Continuity.ApparentSpeedStep - 1e-9)
        {
            changes.Add(dimensions[4]);
        }

        return changes;
    }
}
