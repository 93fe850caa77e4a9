using System.Globalization;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Grade;

/// <summary>
/// A 3D LUT read from an Adobe/Resolve <c>.cube</c> file: <c>LUT_3D_SIZE N</c>, optional <c>TITLE</c>,
/// <c>DOMAIN_MIN</c>/<c>DOMAIN_MAX</c>, then N³ lines of "R G B" with red changing fastest.
/// </summary>
public sealed class CubeLut
{
    /// <summary>Smallest and largest grid size accepted (the format allows 2..256).</summary>
    public static readonly NumericRange SizeRange = new(2, 256);

    private readonly float[] table;

    private CubeLut(string path, string? title, int size, Rgb domainMin, Rgb domainMax, float[] table)
    {
        Path = path;
        Title = title;
        Size = size;
        DomainMin = domainMin;
        DomainMax = domainMax;
        this.table = table;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The TITLE line, if any.</summary>
    public string? Title { get; }

    /// <summary>Grid points per axis.</summary>
    public int Size { get; }

    /// <summary>Input value mapped to the first grid point.</summary>
    public Rgb DomainMin { get; }

    /// <summary>Input value mapped to the last grid point.</summary>
    public Rgb DomainMax { get; }

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="FinishingException">The file is missing, or is not a valid 3D .cube LUT; the message says where and why.</exception>
    public static CubeLut Load(string path)
    {
        if (!File.Exists(path))
        {
            throw Fail(path, "file not found");
        }

        return Parse(path, File.ReadLines(path));
    }

    /// <summary>Parses the lines of a .cube file; <paramref name="path"/> names it in errors.</summary>
    public static CubeLut Parse(string path, IEnumerable<string> lines)
    {
        string? title = null;
        int? size = null;
        var min = new Rgb(0, 0, 0);
        var max = new Rgb(1, 1, 1);
        var values = new List<float>();
        var number = 0;
        var dataLine = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash].Trim();
            }

            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var keyword = parts[0].ToUpperInvariant();
            switch (keyword)
            {
                case "TITLE":
                    title = line[5..].Trim().Trim('"');
                    continue;
                case "LUT_1D_SIZE":
                    throw Fail(path, $"line {number}: a 1D LUT (LUT_1D_SIZE); the grade needs a 3D LUT (LUT_3D_SIZE)");
                case "LUT_3D_SIZE":
                    if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    {
                        throw Fail(path, $"line {number}: LUT_3D_SIZE needs one whole number, got '{line}'");
                    }

                    if (!SizeRange.Contains(n))
                    {
                        throw Fail(path, $"line {number}: LUT_3D_SIZE {n} is outside {SizeRange}");
                    }

                    if (values.Count > 0)
                    {
                        throw Fail(path, $"line {number}: LUT_3D_SIZE comes after the table starts");
                    }

                    size = n;
                    continue;
                case "DOMAIN_MIN":
                    min = Triple(path, number, parts[1..], line);
                    continue;
                case "DOMAIN_MAX":
                    max = Triple(path, number, parts[1..], line);
                    continue;
                case "LUT_1D_INPUT_RANGE":
                case "LUT_3D_INPUT_RANGE":
                    var range = Triple(path, number, new[] { parts.ElementAtOrDefault(1) ?? string.Empty, parts.ElementAtOrDefault(2) ?? string.Empty, "0" }, line);
                    min = new Rgb(range.R, range.R, range.R);
                    max = new Rgb(range.G, range.G, range.G);
                    continue;
            }

            if (char.IsLetter(parts[0][0]))
            {
                throw Fail(path, $"line {number}: unknown keyword '{parts[0]}'");
            }

            if (size is null)
            {
                throw Fail(path, $"line {number}: table data before LUT_3D_SIZE");
            }

            var rgb = Triple(path, number, parts, line);
            values.Add((float)rgb.R);
            values.Add((float)rgb.G);
            values.Add((float)rgb.B);
            dataLine++;
        }

        if (size is null)
        {
            throw Fail(path, "no LUT_3D_SIZE line: not a 3D .cube LUT");
        }

        var expected = size.Value * size.Value * size.Value;
        if (dataLine != expected)
        {
            throw Fail(path, $"LUT_3D_SIZE {size} needs {expected} table lines ({size}³), found {dataLine}");
        }

        if (max.R <= min.R || max.G <= min.G || max.B <= min.B)
        {
            throw Fail(path, "DOMAIN_MAX must be above DOMAIN_MIN on every channel");
        }

        return new CubeLut(path, title, size.Value, min, max, values.ToArray());
    }

    /// <summary>The LUT's output for <paramref name="c"/>, by trilinear interpolation.</summary>
    public Rgb Apply(Rgb c)
    {
        var n = Size - 1;
        var x = Math.Clamp((c.R - DomainMin.R) / (DomainMax.R - DomainMin.R), 0, 1) * n;
        var y = Math.Clamp((c.G - DomainMin.G) / (DomainMax.G - DomainMin.G), 0, 1) * n;
        var z = Math.Clamp((c.B - DomainMin.B) / (DomainMax.B - DomainMin.B), 0, 1) * n;
        int x0 = Math.Min((int)x, n - 1), y0 = Math.Min((int)y, n - 1), z0 = Math.Min((int)z, n - 1);
        double fx = x - x0, fy = y - y0, fz = z - z0;
        double r = 0, g = 0, b = 0;
        for (var corner = 0; corner < 8; corner++)
        {
            int dx = corner & 1, dy = (corner >> 1) & 1, dz = (corner >> 2) & 1;
            var weight = (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * (dz == 1 ? fz : 1 - fz);
            if (weight == 0)
            {
                continue;
            }

            var i = (((z0 + dz) * Size * Size) + ((y0 + dy) * Size) + x0 + dx) * 3;
            r += weight * table[i];
            g += weight * table[i + 1];
            b += weight * table[i + 2];
        }

        return new Rgb(r, g, b);
    }

    private static Rgb Triple(string path, int number, IReadOnlyList<string> parts, string line)
    {
        if (parts.Count != 3)
        {
            throw Fail(path, $"line {number}: expected three numbers, got '{line}'");
        }

        var v = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
            {
                throw Fail(path, $"line {number}: '{parts[i]}' is not a finite number");
            }
        }

        return new Rgb(v[0], v[1], v[2]);
    }

    private static FinishingException Fail(string path, string why) => new($"{path}: invalid LUT: {why}. The grade was not applied.", path: path);
}
