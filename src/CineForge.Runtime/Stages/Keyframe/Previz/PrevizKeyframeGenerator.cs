using CineForge.Rules;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// The embedded keyframe generator: a procedural set drawn from the plan on the CPU, with no
/// model. Time of day and weather set the sky and ambient level, the dominant light places the key
/// and the cast shadows, the palette colours the set, the shot type frames the subject, each
/// character keeps its sheet's silhouette and wardrobe, a product its sheet's colour, shape and cap,
/// and the seed varies the layout.
/// </summary>
public sealed class PrevizKeyframeGenerator : IKeyframeGenerator
{
    /// <summary>Fine texture of the still, in 8-bit code values (natural, not "CGI" smooth).</summary>
    private const double TextureCodeValues = 1.2;

    /// <inheritdoc />
    public BackendIdentity Identity { get; } = new("previz", "2", Array.Empty<string>());

    /// <inheritdoc />
    public KeyframeImage Generate(KeyframeRequest request, CancellationToken cancellationToken)
    {
        var scene = request.Scene;
        var (cw, ch) = KeyframeImage.CanvasSize(scene.Width, scene.Height);
        var frame = new FrameSpace(scene.Width, scene.Height, (cw - scene.Width) / 2.0, (ch - scene.Height) / 2.0);
        var canvas = new Canvas(cw, ch);
        var light = Lighting.For(scene);
        var layout = new SeededRandom(scene.Seed, "layout");
        var detail = new SeededRandom(request.DetailSeed, "detail");

        var horizon = scene.Type switch
        {
            ShotType.WideAmbience => layout.Range(0.52, 0.6),
            ShotType.ObjectDetail => layout.Range(0.66, 0.74),
            _ => layout.Range(0.58, 0.68),
        };
        DrawBackground(canvas, frame, scene, light, horizon);
        cancellationToken.ThrowIfCancellationRequested();
        DrawSet(canvas, frame, scene, light, layout, horizon);
        DrawWeather(canvas, frame, light, detail, horizon, scene.Interior);
        cancellationToken.ThrowIfCancellationRequested();

        var (subject, face) = scene.Type == ShotType.ObjectDetail || (scene.Cast.Count == 0 && scene.Type != ShotType.TightPortrait)
            ? (DrawObject(canvas, frame, scene, light, layout, horizon), null)
            : DrawFigures(canvas, frame, scene, light, layout, horizon);
        cancellationToken.ThrowIfCancellationRequested();
        return new KeyframeImage(canvas.ToImage(request.DetailSeed, TextureCodeValues), scene.Width, scene.Height, subject) { Face = face };
    }

    private static void DrawBackground(Canvas canvas, FrameSpace frame, ScenePlan scene, Lighting light, double horizon)
    {
        // Set surfaces carry the palette at reduced saturation: a painted room, not a colour cast.
        var wall = scene.Palette[0].Saturate(0.6).Mix(light.SkyBottom, 0.25);
        var floor = scene.Palette[scene.Palette.Count > 1 ? 1 : 0].Saturate(0.6).Scale(0.75);
        var window = WindowBox(frame, light, horizon);
        canvas.Fill((x, y) =>
        {
            var (u, v) = frame.ToUnit(x, y);
            var keySide = 1 + (0.32 * light.Side * (u - 0.5));
            Rgb colour;
            if (v < horizon)
            {
                colour = scene.Interior
                    ? light.Shade(wall, (0, 0, 1)).Scale(0.72 * (1.0 - (0.12 * v / horizon)) * keySide)
                    : light.SkyTop.Mix(light.SkyBottom, DetMath.Clamp01(v / horizon)).Scale(0.55 + (0.35 * light.Ambient));
                if (scene.Interior && window is { } w && Inside(w, x, y))
                {
                    colour = light.SkyTop.Mix(light.SkyBottom, DetMath.Clamp01((y - w.Top) / w.Height)).Scale(0.62 + (0.3 * light.Ambient));
                }
            }
            else
            {
                var depth = DetMath.Clamp01((v - horizon) / (1.2 - horizon));
                colour = light.Shade(floor, (0, -0.6, 0.8)).Scale(0.7 * (1 - (0.25 * depth)) * keySide);
            }

            return Haze(colour, light, v, horizon);
        });

        if (scene.Interior && window is { } frameBox)
        {
            // Window bars: the light has a visible source on its side of the room.
            var bar = frame.Height * 0.012;
            var mullion = new Union(
            [
                new RoundedBox(((frameBox.Left + frameBox.Right) / 2) - bar, frameBox.Top, ((frameBox.Left + frameBox.Right) / 2) + bar, frameBox.Bottom, bar * 0.5),
                new RoundedBox(frameBox.Left, ((frameBox.Top + frameBox.Bottom) / 2) - bar, frameBox.Right, ((frameBox.Top + frameBox.Bottom) / 2) + bar, bar * 0.5),
            ]);
            canvas.Paint(mullion, 1.2, (_, _, _) => light.Shade(scene.Palette[0], (0, 0, 1)).Scale(0.5));
        }
    }

    private static PixelBox? WindowBox(FrameSpace frame, Lighting light, double horizon)
    {
        var top = frame.Y(0.06);
        var bottom = frame.Y(horizon - 0.08);
        return light.KeyDirection switch
        {
            { X: < -0.1 } => new PixelBox(frame.X(-0.1), top, frame.X(0.24), bottom),
            { X: > 0.1 } => new PixelBox(frame.X(0.76), top, frame.X(1.1), bottom),
            { Z: < 0 } => new PixelBox(frame.X(0.34), top, frame.X(0.66), bottom),
            { Y: < -0.6 } => new PixelBox(frame.X(0.2), frame.Y(-0.2), frame.X(0.8), frame.Y(0.05)),
            _ => null,
        };
    }

    private static void DrawSet(Canvas canvas, FrameSpace frame, ScenePlan scene, Lighting light, SeededRandom layout, double horizon)
    {
        var wide = scene.Type == ShotType.WideAmbience;
        var count = wide ? 6 + layout.Next(4) : 3 + layout.Next(3);
        for (var i = 0; i < count; i++)
        {
            var u = layout.Range(-0.1, 1.1);
            var width = layout.Range(0.08, 0.22) * (wide ? 0.7 : 1.2);
            var height = layout.Range(0.08, 0.26) * (wide ? 0.6 : 1);
            var albedo = scene.Palette[i % scene.Palette.Count].Mix(new Rgb(0.4, 0.4, 0.4), 0.3).Scale(0.7);
            var box = new RoundedBox(frame.X(u - (width / 2)), frame.Y(horizon - height), frame.X(u + (width / 2)), frame.Y(horizon + 0.02), frame.Height * 0.01);
            canvas.Paint(box, 1.5, (x, y, _) => Haze(light.Shade(albedo, box.Normal(x, y)).Scale(0.7), light, frame.ToUnit(x, y).V, horizon));
        }
    }

    private static void DrawWeather(Canvas canvas, FrameSpace frame, Lighting light, SeededRandom detail, double horizon, bool interior)
    {
        if (light.Weather is not (Weather.Rain or Weather.Snow))
        {
            return;
        }

        var region = interior ? WindowBox(frame, light, horizon) : new PixelBox(frame.X(-0.12), frame.Y(-0.12), frame.X(1.12), frame.Y(horizon));
        if (region is not { } r)
        {
            return;
        }

        var count = (int)(r.Width * r.Height / (frame.Height * frame.Height) * 220);
        for (var i = 0; i < count; i++)
        {
            var x = r.Left + (detail.NextDouble() * r.Width);
            var y = r.Top + (detail.NextDouble() * r.Height);
            Shape drop = light.Weather == Weather.Rain
                ? new RoundedBox(x, y, x + (frame.Height * 0.002), y + (frame.Height * 0.03), frame.Height * 0.001)
                : new Ellipse(x, y, frame.Height * 0.004, frame.Height * 0.004);
            canvas.Paint(drop, 1.5, (_, _, under) => under.Mix(new Rgb(0.9, 0.92, 0.95), 0.35), 0.8);
        }
    }

    // The figures' box, and the lead's face (head and hair) when the lead is a cast character.
    private static (PixelBox Subject, PixelBox? Face) DrawFigures(Canvas canvas, FrameSpace frame, ScenePlan scene, Lighting light, SeededRandom layout, double horizon)
    {
        var cast = scene.Cast.Count > 0 ? scene.Cast : [CharacterLook.Of(new Character { Name = scene.Subject, Wardrobe = scene.Subject, Seed = (int)scene.Seed })];
        PixelBox? subject = null;
        PixelBox? face = null;
        for (var i = 0; i < cast.Count; i++)
        {
            // Look room: a subject looking left sits right of centre, and the other way round.
            var lookRoom = ShotTypes.LookRoomOf(scene.Gaze);
            var (u, headV, headRy) = scene.Type switch
            {
                ShotType.TightPortrait => (0.5 + lookRoom + layout.Range(-0.04, 0.04), layout.Range(0.42, 0.48), 0.3),
                ShotType.MediumAction => ((layout.Next(2) == 0 ? 0.36 : 0.64) + (i * 0.22), layout.Range(0.24, 0.3), 0.085),
                _ => (layout.Range(0.25, 0.75), horizon + 0.05 - (0.028 * 9), 0.028),
            };
            var (box, head) = DrawFigure(canvas, frame, scene, light, cast[i], frame.X(u + (i * 0.2)), frame.Y(headV), frame.Height * headRy, scene.Type);
            subject = subject is { } s ? s.Union(box) : box;
            if (i == 0 && scene.Cast.Count > 0)
            {
                face = head;
            }
        }

        return (Clip(subject!.Value, frame), face);
    }

    private static (PixelBox Figure, PixelBox Face) DrawFigure(Canvas canvas, FrameSpace frame, ScenePlan scene, Lighting light, CharacterLook look, double cx, double cy, double headRy, ShotType type)
    {
        var headRx = headRy / look.HeadAspect;
        var shoulders = headRx * look.ShoulderWidth;
        var torsoBottom = type switch
        {
            ShotType.TightPortrait => cy + (headRy * 3.2),
            ShotType.MediumAction => cy + (headRy * 4.5),
            _ => cy + (headRy * 4.2),
        };
        var torso = new RoundedBox(cx - shoulders, cy + (headRy * 0.95), cx + shoulders, torsoBottom, shoulders * 0.45);
        var neck = new RoundedBox(cx - (headRx * 0.38), cy + (headRy * 0.5), cx + (headRx * 0.38), cy + (headRy * 1.1), headRx * 0.2);
        var head = new Ellipse(cx, cy, headRx, headRy);
        var hairRx = headRx * 1.06 * look.HairVolume;
        var hair = new Ellipse(cx, cy - (headRy * 0.14), hairRx, headRy * 0.98);
        var parts = new List<Shape> { torso, neck, head, hair };
        Shape? legs = null;
        Shape? arm = null;
        if (type == ShotType.MediumAction)
        {
            var toward = cx < frame.X(0.5) ? 1 : -1;
            var elbowX = cx + (toward * shoulders * 1.6);
            arm = new RoundedBox(Math.Min(cx, elbowX), cy + (headRy * 1.9), Math.Max(cx, elbowX), cy + (headRy * 2.5), headRy * 0.28);
            parts.Add(arm);
        }
        else if (type != ShotType.TightPortrait)
        {
            legs = new RoundedBox(cx - (shoulders * 0.75), torsoBottom - (headRy * 0.2), cx + (shoulders * 0.75), torsoBottom + (headRy * 4), headRy * 0.3);
            parts.Add(legs);
        }

        // Cast shadow on the set, away from the key: darker and sharper for a strong key.
        var shadowShift = frame.Height * 0.045;
        var silhouette = new Union(parts);
        var shadow = new Offset(silhouette, -light.KeyDirection.X * shadowShift * 1.5, shadowShift * 0.4);
        canvas.Paint(shadow, frame.Height * 0.03, (_, _, under) => under.Scale(1 - (0.45 * light.Key)));

        canvas.Paint(hair, 1.5, (x, y, _) => light.Shade(look.Hair, hair.Normal(x, y)));
        if (legs is not null)
        {
            canvas.Paint(legs, 1.5, (x, y, _) => light.Shade(look.Wardrobe.Scale(0.55), legs.Normal(x, y)));
        }

        canvas.Paint(torso, 1.5, (x, y, _) => light.Shade(look.Wardrobe, torso.Normal(x, y)));
        canvas.Paint(neck, 1.5, (x, y, _) => light.Shade(look.Skin.Scale(0.9), neck.Normal(x, y)));
        canvas.Paint(head, 1.5, (x, y, _) => light.Shade(look.Skin, head.Normal(x, y)));
        if (arm is not null)
        {
            canvas.Paint(arm, 1.5, (x, y, _) => light.Shade(look.Wardrobe.Scale(0.92), arm.Normal(x, y)));
            if (scene.Product is { } product)
            {
                // The product in her hand, from its sheet: the same bottle as in the detail shots, at the arm's end.
                var hand = arm.Bounds(0);
                var (body, cap) = ProductShape(product, cx < frame.X(0.5) ? hand.Right : hand.Left, hand.Bottom, headRy * 3, null);
                PaintProduct(canvas, frame, light, product, body, cap);
            }
        }

        if (headRy * 0.09 > 1.5)
        {
            var gazeShift = scene.Gaze switch { GazeAxis.Left => -0.18, GazeAxis.Right => 0.18, _ => 0 } * headRx;
            var eyeDrop = scene.Gaze switch { GazeAxis.Down => 0.08, GazeAxis.Up => -0.08, _ => 0 } * headRy;
            foreach (var side in new[] { -1, 1 })
            {
                var eye = new Ellipse(cx + gazeShift + (side * headRx * 0.36), cy + eyeDrop - (headRy * 0.02), headRx * 0.11, headRy * 0.05);
                canvas.Paint(eye, 1.5, (_, _, under) => under.Scale(0.45));
            }
        }

        var top = cy - (headRy * 1.2);
        var bottom = legs is null ? torsoBottom : torsoBottom + (headRy * 4);
        var faceHalfWidth = Math.Max(headRx, hairRx);
        var face = new PixelBox(cx - faceHalfWidth, cy - (headRy * 1.12), cx + faceHalfWidth, cy + headRy);
        return (new PixelBox(cx - (shoulders * 1.05), top, cx + (shoulders * 1.05), bottom), face);
    }

    private static PixelBox DrawObject(Canvas canvas, FrameSpace frame, ScenePlan scene, Lighting light, SeededRandom layout, double horizon)
    {
        // A product shot draws the sheet's look, the same bottle in every shot; a free-text detail draws its own words.
        var look = scene.Product ?? ProductLook.FromWords(scene.Subject);
        var u = layout.Next(2) == 0 ? 0.4 : 0.6;
        var tableV = horizon + 0.02;
        Shape body;
        Shape? cap = null;
        if (look.Form == ProductForm.Drop)
        {
            var r = frame.Height * 0.17;
            body = new Union(
            [
                new Ellipse(frame.X(u), frame.Y(0.5), r * 0.9, r),
                new Ellipse(frame.X(u), frame.Y(0.5) - (r * 0.9), r * 0.35, r * 0.55),
            ]);
        }
        else
        {
            (body, cap) = ProductShape(look, frame.X(u), frame.Y(tableV), frame.Height, look.Form == ProductForm.Block ? look.HalfWidth ?? layout.Range(0.16, 0.22) : null);
        }

        var shadowShift = frame.Height * 0.05;
        canvas.Paint(new Offset(body, -light.KeyDirection.X * shadowShift * 1.6, shadowShift * 0.3), frame.Height * 0.035, (_, _, under) => under.Scale(1 - (0.45 * light.Key)));
        return Clip(PaintProduct(canvas, frame, light, look, body, cap), frame);
    }

    /// <summary>
    /// The silhouette of <paramref name="look"/> standing on (<paramref name="cx"/>, <paramref name="baseY"/>), <paramref name="unit"/>
    /// pixels for a frame's height: a bottle's body, neck and cap, or a block <paramref name="blockHalfWidth"/> units wide each side.
    /// </summary>
    private static (Shape Body, Shape? Cap) ProductShape(ProductLook look, double cx, double baseY, double unit, double? blockHalfWidth)
    {
        if (look.Form != ProductForm.Bottle)
        {
            var half = unit * (blockHalfWidth ?? look.HalfWidth ?? 0.18);
            return (new RoundedBox(cx - half, baseY - (unit * 0.34), cx + half, baseY, half * 0.3), null);
        }

        var hw = unit * (look.HalfWidth ?? 0.12);
        var bodyTop = baseY - (unit * look.Height);
        Shape body = new Union(
        [
            new RoundedBox(cx - hw, bodyTop, cx + hw, baseY, hw * 0.35),
            new RoundedBox(cx - (hw * 0.35), bodyTop - (unit * 0.07), cx + (hw * 0.35), bodyTop + (hw * 0.2), hw * 0.1),
        ]);
        var cap = new RoundedBox(cx - (hw * 0.42), bodyTop - (unit * 0.15), cx + (hw * 0.42), bodyTop - (unit * 0.065), hw * 0.12);
        return (body, cap);
    }

    /// <summary>Paints a product's body (glass shows a little of what is behind it and takes a specular stripe on the key's side) and its cap; returns their bounds.</summary>
    private static PixelBox PaintProduct(Canvas canvas, FrameSpace frame, Lighting light, ProductLook look, Shape body, Shape? cap)
    {
        var bounds = body.Bounds(0);
        var cx = (bounds.Left + bounds.Right) / 2;
        canvas.Paint(body, 1.5, (x, y, under) =>
        {
            var n = (Math.Clamp((x - cx) / (bounds.Width / 2), -1, 1) * 0.85, -0.1, 0.0);
            n.Item3 = Math.Sqrt(Math.Max(0, 1 - (n.Item1 * n.Item1) - 0.01));
            var surface = light.Shade(look.Body, n).Scale(1.15);
            return look.Glassy ? surface.Mix(under, 0.2) : surface;
        });

        if (look.Glassy)
        {
            // A specular stripe on the key's side: the material reads as glass, not plastic.
            var sx = cx + (light.Side * bounds.Width * 0.22);
            var stripe = new RoundedBox(sx - (bounds.Width * 0.04), bounds.Top + (bounds.Height * 0.15), sx + (bounds.Width * 0.04), bounds.Bottom - (bounds.Height * 0.15), bounds.Width * 0.03);
            canvas.Paint(stripe, frame.Height * 0.01, (_, _, under) => under.Mix(light.KeyColour, 0.45 * (0.5 + light.Key)));
        }

        if (cap is not null)
        {
            canvas.Paint(cap, 1.5, (x, y, _) => light.Shade(look.Cap, cap.Normal(x, y)));
            bounds = bounds.Union(cap.Bounds(0));
        }

        return bounds;
    }

    private static Rgb Haze(Rgb colour, Lighting light, double v, double horizon) =>
        light.Haze <= 0 ? colour : colour.Mix(light.SkyBottom.Scale(0.85), light.Haze * (v < horizon ? 1 : 0.6));

    private static bool Inside(PixelBox box, double x, double y) => x >= box.Left && x < box.Right && y >= box.Top && y < box.Bottom;

    private static PixelBox Clip(PixelBox box, FrameSpace frame) =>
        new(Math.Max(box.Left, frame.X(0)), Math.Max(box.Top, frame.Y(0)), Math.Min(box.Right, frame.X(1)), Math.Min(box.Bottom, frame.Y(1)));

    /// <summary>Maps frame-relative units (0..1 across the output frame) to canvas pixels.</summary>
    private readonly record struct FrameSpace(int Width, int Height, double MarginX, double MarginY)
    {
        public double X(double u) => MarginX + (u * Width);

        public double Y(double v) => MarginY + (v * Height);

        public (double U, double V) ToUnit(double x, double y) => ((x - MarginX) / Width, (y - MarginY) / Height);
    }
}
