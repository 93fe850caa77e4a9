using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>One row of the method's settings-by-shot-type table.</summary>
public sealed class ShotTypeSpec
{
    internal ShotTypeSpec(ShotType type, string displayName, NumericRange duration, NumericRange motion, string keyRisk, string cameraAdvice, double subjectSpread, Camera defaultCamera, params Camera[] allowedCameras)
    {
        SubjectSpread = subjectSpread;
        Type = type;
        DisplayName = displayName;
        Duration = duration;
        Motion = motion;
        KeyRisk = keyRisk;
        CameraAdvice = cameraAdvice;
        DefaultCamera = defaultCamera;
        AllowedCameras = allowedCameras;
    }

    /// <summary>The shot type.</summary>
    public ShotType Type { get; }

    /// <summary>"tight portrait", as prompts and messages write it.</summary>
    public string DisplayName { get; }

    /// <summary>Duration range in seconds.</summary>
    public NumericRange Duration { get; }

    /// <summary>Motion strength range (0..1).</summary>
    public NumericRange Motion { get; }

    /// <summary>What usually breaks in this kind of shot.</summary>
    public string KeyRisk { get; }

    /// <summary>The table's camera advice.</summary>
    public string CameraAdvice { get; }

    /// <summary>
    /// Composition: how far from the centre (plus look room, <see cref="ShotTypes.LookRoom"/>) the subject
    /// of this type is framed, as a fraction of the frame width (one standard deviation). A reframing that
    /// has no subject box weighs the picture's detail by it.
    /// </summary>
    public double SubjectSpread { get; }

    /// <summary>The preset's camera move.</summary>
    public Camera DefaultCamera { get; }

    /// <summary>Camera moves that do not fight the shot type (CF0206).</summary>
    public IReadOnlyList<Camera> AllowedCameras { get; }

    /// <summary>The preset's duration: the middle of the range, in seconds.</summary>
    public double DefaultDuration => Duration.Midpoint;

    /// <summary>The preset's motion strength: the middle of the range, rounded to 0.01.</summary>
    public double DefaultMotion => System.Math.Round(Motion.Midpoint, 2);

    /// <summary>True when <paramref name="camera"/> suits this shot type.</summary>
    public bool Allows(Camera camera) => AllowedCameras.Contains(camera);
}

/// <summary>The settings-by-shot-type table.</summary>
public static class ShotTypes
{
    /// <summary>Tight portrait.</summary>
    public static readonly ShotTypeSpec TightPortrait = new(ShotType.TightPortrait, "tight portrait", new(3, 4), new(0.30, 0.40), "face drift", "almost fixed camera", 0.12, Camera.Static, Camera.Static, Camera.Drift, Camera.PushIn, Camera.PullOut);

    /// <summary>Medium action shot.</summary>
    public static readonly ShotTypeSpec MediumAction = new(ShotType.MediumAction, "medium action shot", new(4, 5), new(0.40, 0.55), "hands and edges", "simplify the gesture", 0.2, Camera.Drift, Camera.Static, Camera.Drift, Camera.PushIn, Camera.PullOut, Camera.PanLeft, Camera.PanRight, Camera.TiltUp, Camera.TiltDown, Camera.Tracking);

    /// <summary>Wide ambience shot.</summary>
    public static readonly ShotTypeSpec WideAmbience = new(ShotType.WideAmbience, "wide ambience shot", new(3, 5), new(0.25, 0.40), "set geometry", "limit the tracking shot", 0.3, Camera.PanRight, Camera.Static, Camera.Drift, Camera.PushIn, Camera.PullOut, Camera.PanLeft, Camera.PanRight, Camera.TiltUp, Camera.TiltDown);

    /// <summary>Object detail shot.</summary>
    public static readonly ShotTypeSpec ObjectDetail = new(ShotType.ObjectDetail, "object detail shot", new(2, 4), new(0.20, 0.35), "\"CGI\" texture", "explicit material", 0.18, Camera.PushIn, Camera.Static, Camera.Drift, Camera.PushIn, Camera.PullOut, Camera.PanLeft, Camera.PanRight, Camera.TiltUp, Camera.TiltDown);

    /// <summary>Look room: a subject looking left is framed this fraction of the frame width right of centre, and the other way round.</summary>
    public const double LookRoom = 0.08;

    /// <summary>Where the subject of a shot looking along <paramref name="gaze"/> is framed, 0 (left edge) .. 1 (right edge).</summary>
    public static double SubjectCentre(GazeAxis? gaze) => 0.5 + LookRoomOf(gaze);

    /// <summary>How far right of centre (negative: left) a subject looking along <paramref name="gaze"/> is framed, as a fraction of the frame width.</summary>
    public static double LookRoomOf(GazeAxis? gaze) => gaze switch { GazeAxis.Left => LookRoom, GazeAxis.Right => -LookRoom, _ => 0 };

    /// <summary>All rows, in the table's order.</summary>
    public static readonly IReadOnlyList<ShotTypeSpec> All = new[] { TightPortrait, MediumAction, WideAmbience, ObjectDetail };

    /// <summary>The row of <paramref name="type"/>.</summary>
    public static ShotTypeSpec Of(ShotType type) => All.First(s => s.Type == type);
}
