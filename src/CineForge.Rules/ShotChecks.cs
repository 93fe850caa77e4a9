using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>
/// The per-shot rules of the keyframe (CF0101–CF0107) and motion (CF0201–CF0206) families, each
/// written once: a check takes the setting's value and returns the rule it breaks with its message
/// arguments after the subject, or null. Run-time validation maps a finding to the shot's number,
/// the analyzers to the call that set the value.
/// </summary>
public static class ShotChecks
{
    /// <summary>CF0201 over 5 s; otherwise CF0202 outside the shot type's range (not checked where the type is not known).</summary>
    public static RuleFinding? Duration(double seconds, ShotTypeSpec? spec)
    {
        if (seconds > Recommended.MaxClipSeconds + 1e-9)
        {
            return new RuleFinding(RuleIds.CF0201, 0, NumericRange.Format(seconds));
        }

        return spec is not null && !spec.Duration.Contains(seconds)
            ? new RuleFinding(RuleIds.CF0202, 0, NumericRange.Format(seconds), spec.Duration, spec.DisplayName)
            : null;
    }

    /// <summary>CF0203: not 24 fps.</summary>
    public static RuleFinding? Fps(int fps) => fps != Recommended.Fps ? new RuleFinding(RuleIds.CF0203, 0, fps) : null;

    /// <summary>CF0204: motion strength outside the shot type's range.</summary>
    public static RuleFinding? Motion(double strength, ShotTypeSpec spec) =>
        !spec.Motion.Contains(strength) ? new RuleFinding(RuleIds.CF0204, 0, NumericRange.Format(strength), spec.Motion, spec.DisplayName) : null;

    /// <summary>CF0206: a camera move that fights the shot type.</summary>
    public static RuleFinding? Camera(Camera camera, ShotTypeSpec spec) =>
        !spec.Allows(camera) ? new RuleFinding(RuleIds.CF0206, 0, camera, spec.DisplayName, spec.CameraAdvice) : null;

    /// <summary>CF0205: temporal consistency not high or noise not low. <see cref="RuleFinding.At"/> is 0 when temporal consistency is to blame, 1 when only the noise is.</summary>
    public static RuleFinding? Consistency(Level temporalConsistency, Level noise)
    {
        var asked = new List<string>();
        var at = -1;
        if (temporalConsistency != Level.High)
        {
            asked.Add(MessageParts.TemporalConsistency(temporalConsistency));
            at = 0;
        }

        if (noise != Level.Low)
        {
            asked.Add(MessageParts.Noise(noise));
            at = at < 0 ? 1 : at;
        }

        return at < 0 ? null : new RuleFinding(RuleIds.CF0205, at, MessageParts.JoinAsked(asked));
    }

    /// <summary>CF0101: a shot without a fixed seed (<see cref="MessageParts.NoSeed"/>) or with one drawn at random (<see cref="MessageParts.RandomSeed"/>).</summary>
    public static RuleFinding Unseeded(bool random) => new(RuleIds.CF0101, 0, random ? MessageParts.RandomSeed : MessageParts.NoSeed);

    /// <summary>CF0107: a preset without a subject that takes it from a film that has none.</summary>
    public static RuleFinding SubjectFromFilm(ShotTypeSpec spec) => new(RuleIds.CF0107, 0, spec.DisplayName, FilmSubjects.Describe(FilmSubjects.For(spec.Type)));

    /// <summary>CF0102: a keyframe resolution the method does not start from.</summary>
    public static RuleFinding? Resolution(int width, int height)
    {
        var size = new FrameSize(width, height);
        return !Contains(Recommended.KeyframeResolutions, size) ? new RuleFinding(RuleIds.CF0102, 0, size) : null;
    }

    /// <summary>CF0103: sampling steps outside 30–45.</summary>
    public static RuleFinding? Steps(int steps) => !Recommended.Steps.Contains(steps) ? new RuleFinding(RuleIds.CF0103, 0, steps) : null;

    /// <summary>CF0104: CFG outside 4.5–6.5.</summary>
    public static RuleFinding? Cfg(double cfg) => !Recommended.Cfg.Contains(cfg) ? new RuleFinding(RuleIds.CF0104, 0, NumericRange.Format(cfg)) : null;

    /// <summary>CF0105: not the method's sampler.</summary>
    public static RuleFinding? Sampler(Sampler sampler) => sampler != Recommended.DefaultSampler ? new RuleFinding(RuleIds.CF0105, 0, sampler) : null;

    /// <summary>CF0106: a denoise (of the keyframe, a variant or a correction pass) outside 0.25–0.40.</summary>
    public static RuleFinding? Denoise(double denoise) => !Recommended.Denoise.Contains(denoise) ? new RuleFinding(RuleIds.CF0106, 0, NumericRange.Format(denoise)) : null;

    private static bool Contains(IReadOnlyList<FrameSize> sizes, FrameSize size)
    {
        foreach (var s in sizes)
        {
            if (s.Equals(size))
            {
                return true;
            }
        }

        return false;
    }
}
