using CineForge.Testing;

namespace CineForge.Tests.Catalog;

/// <summary>Pins the public surface of the SDK and the catalog: a change to it shows up as a reviewed diff.</summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("CineForge.Sdk")]
    [InlineData("CineForge.Rules")]
    public void PublicApi_IsPinned(string assemblyName)
    {
        var assembly = assemblyName == "CineForge.Sdk" ? typeof(Film).Assembly : typeof(Rules.RuleIds).Assembly;

        Approval.Verify(assemblyName + ".api.txt", PublicApiText.Describe(assembly));
    }
}
