package org.rnnlab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.CpuShare;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.RunToEnd;

/**
 * A run streaming to a page: its config, the frames its charts read while it computes, and the job computing it.
 * Runs of exercises 1 and 2 on one network may share one job ({@link #batch}): the job integrates them together
 * ({@link RunToEnd#runBatch}) with the same numbers as alone, and pausing or stopping any of them pauses or stops
 * the job, as a page's Pause and Stop do for all its runs anyway.
 */
public final class RunHandle {
    private final ExperimentConfig config;
    private final TraceLog frames;
    private final CompletableFuture<RunToEnd.Outcome> result = new CompletableFuture<>();
    private @Nullable Job<?> job;

    private RunHandle(ExperimentConfig config) {
        this.config = config;
        this.frames = new TraceLog(config.plottedNeurons(), false);
    }

    /**
     * The runs of {@code configs} computed by one job ({@link #job()}, not yet submitted): one run, or runs that
     * {@link RunToEnd#canBatch} together.
     */
    static List<RunHandle> batch(List<ExperimentConfig> configs, NetworkCache networks, LabMetrics metrics, CpuShare share) {
        if (configs.size() > 1 && !RunToEnd.canBatch(configs)) throw new IllegalArgumentException("these runs cannot share a job");
        List<RunHandle> runs = configs.stream().map(RunHandle::new).toList();
        List<SampleSink> sinks = new ArrayList<>();
        for (RunHandle r : runs) sinks.add(SampleSink.all(r.frames, sample -> metrics.samplesComputed(1)));
        String label = configs.size() == 1 ? configs.get(0).toLink() : configs.size() + " runs: " + configs.get(0).toLink() + " ...";
        Job<List<RunToEnd.Outcome>> job = new Job<>(JobKind.RUN, label, share, control -> {
            List<RunToEnd.Outcome> outcomes = RunToEnd.runJob(configs, networks.get(configs.get(0)), sinks, control);
            if (!outcomes.get(0).finished()) throw new CancellationException();
            return outcomes;
        });
        job.result().whenComplete((outcomes, failure) -> {
            for (int i = 0; i < runs.size(); i++) {
                if (failure == null) runs.get(i).result.complete(outcomes.get(i));
                else runs.get(i).result.completeExceptionally(failure);
            }
        });
        for (RunHandle r : runs) r.job = job;
        return runs;
    }

    /** The job computing this run (and the others of its batch). */
    public Job<?> job() {
        Job<?> j = job;
        if (j == null) throw new IllegalStateException("no job yet");
        return j;
    }

    public ExperimentConfig config() {
        return config;
    }

    public TraceLog frames() {
        return frames;
    }

    /** Simulated time reached. */
    public double time() {
        return frames.lastTime();
    }

    /** Completes with this run's outcome, or exceptionally as its job does ({@link Job#result()}). */
    public CompletableFuture<RunToEnd.Outcome> result() {
        return result;
    }

    public RunStatus status() {
        return job().status();
    }

    public String failure() {
        return job().failure();
    }

    public void stop() {
        job().stop();
    }

    public void pause() {
        job().pause();
    }

    public void resume() {
        job().resume();
    }

    public int queuePosition() {
        return job().queuePosition();
    }

    public double elapsedSeconds() {
        return job().elapsedSeconds();
    }

    /** FORCE's error over the test phase, once the run is done (null before, or for exercises 1 and 2). */
    public ForceRun.@Nullable ErrorStats testError() {
        return result.isDone() && !result.isCompletedExceptionally() ? result.join().testError() : null;
    }
}
