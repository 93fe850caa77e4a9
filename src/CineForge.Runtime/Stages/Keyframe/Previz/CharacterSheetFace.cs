using System.Collections.Concurrent;
using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// The character sheet's face, as QA10's reference: the previz draws the sheet's portrait (a tight
/// portrait on a plain grey set) under the shot's own light and gaze, and reads its face's
/// <see cref="FaceSignature"/>. A template is not blind to light the way a face recognizer is, so the
/// sheet is relit as the shot is lit, and what the distance measures is the face. Every shot of the
/// character is measured against its sheet, so a face that drifts from the sheet fails whichever shot
/// it drifts in, not only the shot after it.
/// </summary>
public static class CharacterSheetFace
{
    private static readonly ConcurrentDictionary<FaceReference, float[]> Faces = new();

    /// <summary>The sheet face of <paramref name="reference"/> (drawn once per process and reference).</summary>
    public static float[] Of(FaceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Faces.GetOrAdd(reference, Draw);
    }

    private static float[] Draw(FaceReference reference)
    {
        var look = reference.Look;
        var scene = new ScenePlan(SheetDrawing.Width, SheetDrawing.Height, ShotType.TightPortrait, look.Name, reference.Time, reference.Weather, reference.Light, [new Rgb(0.5, 0.5, 0.5)], [look], null, reference.Gaze, Interior: true, Seed: 0);
        var sheet = SheetDrawing.Draw(scene);
        return FaceSignature.Of(YuvFrame.From(sheet.Image), sheet.Face!.Value)
            ?? throw new InvalidOperationException($"The sheet portrait of {look.Name} has no readable face.");
    }
}

/// <summary>What QA10 holds a shot's face to: the lead's sheet, and the light and gaze the shot gives it.</summary>
/// <param name="Look">The lead character as the sheet draws them.</param>
/// <param name="Time">The shot's time of day.</param>
/// <param name="Weather">The shot's weather.</param>
/// <param name="Light">The shot's dominant light direction.</param>
/// <param name="Gaze">Where the lead looks.</param>
public sealed record FaceReference(CharacterLook Look, TimeOfDay Time, Weather Weather, LightDirection Light, GazeAxis Gaze)
{
    /// <summary>The reference of <paramref name="scene"/>'s lead, or null when the scene casts nobody.</summary>
    public static FaceReference? Of(ScenePlan scene) =>
        scene?.Cast is [var lead, ..] ? new FaceReference(lead, scene.Time, scene.Weather, scene.Light, scene.Gaze) : null;
}
