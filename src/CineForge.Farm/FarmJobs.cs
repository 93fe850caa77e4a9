using CineForge.Finishing;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace CineForge.Farm;

/// <summary>Creates the farm's Hangfire jobs, each in its queue: a film's stage jobs (by the submitter, and select jobs by the fan-in on the workers) and its finish job.</summary>
internal static class FarmJobs
{
    /// <summary>How long a job created held waits before it runs by itself: only when its submitter stopped before releasing it.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromHours(1);

    /// <summary>Creates <paramref name="job"/>, enqueued, or a continuation of <paramref name="parentId"/> that runs only when it succeeded.</summary>
    public static string Create(IBackgroundJobClient client, StageJob job, string? parentId = null)
    {
        var queue = FarmQueues.Of(job.Stage);
        return parentId is null
            ? client.Create(JobOf(job), new EnqueuedState(queue))
            : client.ContinueJobWith<StageJobPerformer>(parentId, queue, Perform(job), new EnqueuedState(queue), JobContinuationOptions.OnlyOnSucceededState);
    }

    /// <summary>
    /// Creates <paramref name="job"/> held back from the workers until <see cref="Release"/>: a worker
    /// that took it while its continuations are attached would find the job's lock taken, and
    /// Hangfire.PostgreSql retries a taken lock only after up to a second; and no take may finish before
    /// the film's record names its job, or the fan-in would not count it. Should the submitter stop
    /// before releasing it, the job runs after <see cref="Hold"/> and finds or fills the store.
    /// </summary>
    public static string CreateHeld(IBackgroundJobClient client, StageJob job) =>
        client.Create(JobOf(job), new ScheduledState(Hold) { Reason = "held until its continuations are attached" });

    /// <summary>Hands a held job to the workers.</summary>
    /// <exception cref="RenderException">The job left its held state before.</exception>
    public static void Release(IBackgroundJobClient client, string id)
    {
        if (!client.ChangeState(id, new EnqueuedState(FarmQueues.Of(ShotStage.Keyframe)), ScheduledState.StateName))
        {
            throw new RenderException($"The farm job {id} left its held state before the submitter released it.");
        }
    }

    /// <summary>Creates the film's finish job (<see cref="FilmFinishJob"/> as JSON), enqueued in the <see cref="FarmQueues.Cpu"/> queue.</summary>
    public static string CreateFinish(IBackgroundJobClient client, string finish)
    {
        var label = FilmFinishJob.FromJson(finish).Label;
        return client.Create(Job.FromExpression<FinishJobPerformer>(p => p.RunAsync(finish, label, null, CancellationToken.None), FarmQueues.Cpu), new EnqueuedState(FarmQueues.Cpu));
    }

    // The queue is part of the job, not only of its first state, so a retry returns to it.
    private static Job JobOf(StageJob job) => Job.FromExpression(Perform(job), FarmQueues.Of(job.Stage));

    private static System.Linq.Expressions.Expression<Func<StageJobPerformer, Task>> Perform(StageJob job)
    {
        var json = job.ToJson();
        var label = job.Label;
        return p => p.RunAsync(json, label, null, CancellationToken.None);
    }
}
