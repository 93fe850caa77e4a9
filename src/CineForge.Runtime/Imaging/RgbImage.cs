namespace CineForge.Runtime.Imaging;

/// <summary>The render's one 8-bit RGB frame type: sRGB, interleaved R, G, B, rows top to bottom (keyframes, model pictures, frames decoded for measurement).</summary>
public sealed class RgbImage
{
    /// <summary>Creates a black image of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    /// <summary>Wraps <paramref name="pixels"/> (interleaved RGB, width*height*3 bytes).</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"An image needs a positive size; got {width}x{height}.");
        }

        if (pixels.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height} RGB; got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Sets the pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Set(int x, int y, byte r, byte g, byte b)
    {
        var i = ((y * Width) + x) * 3;
        Pixels[i] = r;
        Pixels[i + 1] = g;
        Pixels[i + 2] = b;
    }

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>), channels 0..1.</summary>
    public Rgb At(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return new Rgb(Pixels[i] / 255.0, Pixels[i + 1] / 255.0, Pixels[i + 2] / 255.0);
    }

    /// <summary>Rec. 709 luma at (<paramref name="x"/>, <paramref name="y"/>), 0..1.</summary>
    public double LumaAt(int x, int y) => At(x, y).Luma;

    /// <summary>A copy of this image.</summary>
    public RgbImage Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
