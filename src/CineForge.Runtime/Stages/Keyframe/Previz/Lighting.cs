using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// The light of a scene: sky colours and ambient level from the time of day and weather, the key
/// light's direction from the plan's dominant light, its colour and strength from both.
/// </summary>
internal sealed record Lighting(Rgb SkyTop, Rgb SkyBottom, Rgb KeyColour, double Key, double Ambient, (double X, double Y, double Z) KeyDirection, double Haze, Weather Weather)
{
    public static Lighting For(ScenePlan scene)
    {
        var (top, bottom, keyColour, ambient, key) = scene.Time switch
        {
            TimeOfDay.Dawn => (new Rgb(0.45, 0.50, 0.70), new Rgb(0.95, 0.70, 0.55), new Rgb(1.0, 0.78, 0.60), 0.38, 0.55),
            TimeOfDay.Noon => (new Rgb(0.35, 0.58, 0.92), new Rgb(0.80, 0.88, 0.96), new Rgb(1.0, 1.0, 0.97), 0.50, 0.65),
            TimeOfDay.Afternoon => (new Rgb(0.45, 0.62, 0.90), new Rgb(0.93, 0.88, 0.78), new Rgb(1.0, 0.93, 0.82), 0.47, 0.62),
            TimeOfDay.GoldenHour => (new Rgb(0.55, 0.55, 0.75), new Rgb(1.0, 0.72, 0.42), new Rgb(1.0, 0.72, 0.45), 0.36, 0.65),
            TimeOfDay.Dusk => (new Rgb(0.18, 0.20, 0.42), new Rgb(0.75, 0.45, 0.45), new Rgb(0.90, 0.60, 0.55), 0.24, 0.40),
            TimeOfDay.Night => (new Rgb(0.03, 0.04, 0.10), new Rgb(0.10, 0.12, 0.22), new Rgb(0.70, 0.78, 1.0), 0.12, 0.35),
            _ => (new Rgb(0.55, 0.70, 0.90), new Rgb(0.92, 0.90, 0.82), new Rgb(1.0, 0.90, 0.76), 0.45, 0.60),
        };

        var haze = 0.0;
        switch (scene.Weather)
        {
            case Weather.Overcast:
                (key, ambient) = (key * 0.45, ambient * 1.15);
                (top, bottom) = (Grey(top, 0.5), Grey(bottom, 0.5));
                break;
            case Weather.Rain:
                (key, ambient) = (key * 0.4, ambient * 0.9);
                (top, bottom) = (Grey(top, 0.6), Grey(bottom, 0.6));
                break;
            case Weather.Fog:
                (key, ambient, haze) = (key * 0.5, ambient * 1.05, 0.38);
                (top, bottom) = (Grey(top, 0.7), Grey(bottom, 0.7));
                break;
            case Weather.Snow:
                (key, ambient) = (key * 0.55, ambient * 1.2);
                (top, bottom) = (Grey(top, 0.4).Mix(new Rgb(0.9, 0.92, 0.95), 0.3), Grey(bottom, 0.4).Mix(new Rgb(0.95, 0.96, 0.98), 0.3));
                break;
        }

        return new Lighting(top, bottom, keyColour, key, ambient, Direction(scene.Light), haze, scene.Weather);
    }

    /// <summary>Horizontal side of the key light on screen: -1 left, +1 right, 0 centred.</summary>
    public double Side => KeyDirection.X < -0.1 ? -1 : KeyDirection.X > 0.1 ? 1 : 0;

    /// <summary>Surface colour of <paramref name="albedo"/> with normal <paramref name="n"/>: ambient, Lambert key, rim when back-lit.</summary>
    public Rgb Shade(Rgb albedo, (double X, double Y, double Z) n)
    {
        var lambert = Math.Max(0, (n.X * KeyDirection.X) + (n.Y * KeyDirection.Y) + (n.Z * KeyDirection.Z));
        var light = new Rgb(Ambient, Ambient, Ambient).Mix(KeyColour.Scale(Ambient), 0.3);
        var lit = new Rgb(light.R + (KeyColour.R * Key * lambert), light.G + (KeyColour.G * Key * lambert), light.B + (KeyColour.B * Key * lambert));
        var colour = albedo.Tint(lit).Scale(1.35);
        if (KeyDirection.Z < 0)
        {
            var rim = 1 - n.Z;
            colour = colour.Mix(KeyColour, Math.Min(0.7, rim * rim * rim * Key * 1.4));
        }

        return colour;
    }

    private static Rgb Grey(Rgb c, double amount) => c.Saturate(1 - amount).Mix(new Rgb(0.62, 0.64, 0.66), amount * 0.5);

    private static (double X, double Y, double Z) Direction(LightDirection light)
    {
        var (x, y, z) = light switch
        {
            LightDirection.Left => (-0.75, -0.35, 0.56),
            LightDirection.Right => (0.75, -0.35, 0.56),
            LightDirection.Top => (0.0, -0.9, 0.43),
            LightDirection.Back => (0.0, -0.2, -0.98),
            _ => (0.0, -0.3, 0.95),
        };
        var length = Math.Sqrt((x * x) + (y * y) + (z * z));
        return (x / length, y / length, z / length);
    }
}
