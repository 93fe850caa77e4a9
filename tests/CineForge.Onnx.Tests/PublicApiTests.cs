using CineForge.Testing;

namespace CineForge.Onnx.Tests;

/// <summary>Pins the public surface of the ONNX backend: a change to it shows up as a reviewed diff.</summary>
public sealed class PublicApiTests
{
    private const string RuntimeSeams = "CineForge.Onnx.Runtime";

    [Fact]
    public void PublicApi_IsPinned()
    {
        Approval.Verify("CineForge.Onnx.api.txt", Describe(t => t.Namespace != RuntimeSeams));
    }

    [Fact]
    public void RuntimeSeamsApi_IsPinned()
    {
        Approval.Verify("CineForge.Onnx.Runtime.api.txt", Describe(t => t.Namespace == RuntimeSeams));
    }

    private static string Describe(Func<Type, bool> include) => PublicApiText.Describe(typeof(CineForge.Onnx.Pipeline.StableDiffusionPipeline).Assembly, include);
}
