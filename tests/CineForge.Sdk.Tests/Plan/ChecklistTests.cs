using CineForge.Validation;

namespace CineForge.Tests.Plan;

public sealed class ChecklistTests
{
    [Fact]
    public void CleanShort_LeavesMeasuredItemsToTheRender()
    {
        var states = ChecklistStatus.Of(TestFilms.Clean()).ToDictionary(e => e.Key, e => e.State);

        Assert.Equal(ChecklistState.AwaitsRender, states["no-artifact"]);
        Assert.Equal(ChecklistState.NotApplicable, states["cta"]);
        Assert.Equal(ChecklistState.Met, states["archive"]);
    }

    [Fact]
    public void MissingMobileExport_FailsTheMobileItem()
    {
        var entry = ChecklistStatus.Of(TestFilms.Clean().Export(e => e.Master().Web())).Single(e => e.Key == "mobile");

        Assert.Equal(ChecklistState.Failed, entry.State);
        Assert.Equal(new[] { "CF0801" }, entry.Because);
    }
}
