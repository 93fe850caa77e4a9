using System.Text.Json;
using Xunit.Abstractions;

namespace CineForge.Onnx.Tests.Reference;

/// <summary>The committed expected tensors (tools/diffusers_reference.py) and the comparison every reference test uses.</summary>
public static class ReferenceFixture
{
    /// <summary>Tensors: |actual - expected| &lt;= Tolerance * max(1, |expected|).</summary>
    public const double Tolerance = 1e-4;

    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "diffusers_reference.json"))).RootElement);

    public static JsonElement Get(params string[] path)
    {
        var e = Root.Value;
        foreach (var p in path)
        {
            e = e.GetProperty(p);
        }

        return e;
    }

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static float[] Floats(JsonElement e) => e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

    /// <summary>Asserts closeness; prints and returns the largest scaled difference.</summary>
    public static double AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, ITestOutputHelper? output, double tolerance = Tolerance)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} values; the reference has {expected.Count}.");
        var worst = 0.0;
        var at = -1;
        for (var i = 0; i < expected.Count; i++)
        {
            var d = Math.Abs(actual[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i]));
            if (!(d <= worst))
            {
                (worst, at) = (d, i);
            }
        }

        output?.WriteLine($"{what}: largest difference {worst:E2} (tolerance {tolerance:E0}) over {expected.Count} values");
        Assert.True(worst <= tolerance, $"{what}: value {at} is {actual[Math.Max(at, 0)]}, the reference {expected[Math.Max(at, 0)]} (scaled difference {worst:E2} > {tolerance:E0}).");
        return worst;
    }

    public static double AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, string what, ITestOutputHelper? output, double tolerance = Tolerance) =>
        AssertClose(expected.Select(v => (double)v).ToArray(), actual.Select(v => (double)v).ToArray(), what, output, tolerance);
}
