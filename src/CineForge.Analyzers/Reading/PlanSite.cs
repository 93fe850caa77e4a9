using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers.Reading;

/// <summary>Where a family looks: the end of a shot chain (with the shot as read), or a finished film.</summary>
internal sealed record PlanSite(IInvocationOperation Invocation, bool IsFilm, ShotModel? Shot = null);
