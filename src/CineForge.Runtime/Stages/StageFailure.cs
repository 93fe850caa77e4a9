namespace CineForge.Runtime.Stages;

/// <summary>Names the shot, take and stage in a stage's failure, so a film's error says where it stopped.</summary>
internal static class StageFailure
{
    /// <summary>Runs <paramref name="run"/>; an I/O or render failure is rethrown as "Shot #2 'street', animate A: reason".</summary>
    public static T Named<T>(int index, string shot, ShotStage stage, string? take, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (Rename(ex, index, shot, stage, take) is { } named)
        {
            throw named;
        }
    }

    /// <summary>The asynchronous form of <see cref="Named{T}"/>.</summary>
    public static async Task<T> NamedAsync<T>(int index, string shot, ShotStage stage, string? take, Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (Rename(ex, index, shot, stage, take) is { } named)
        {
            throw named;
        }
    }

    private static Exception? Rename(Exception ex, int index, string shot, ShotStage stage, string? take)
    {
        if (ex.Message.StartsWith("Shot #", StringComparison.Ordinal))
        {
            return null;
        }

        var where = $"Shot #{index} '{shot}', {StageRun.Describe(stage, take)}";
        return ex switch
        {
            StageInputMissingException => new StageInputMissingException($"{where}: {ex.Message}"),
            IOException or UnauthorizedAccessException or RenderException => new RenderException($"{where}: {ex.Message}", ex),
            _ => null,
        };
    }
}
