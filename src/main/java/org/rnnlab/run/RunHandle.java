package org.rnnlab.run;

import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.CpuShare;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.RunToEnd;

/** A run streaming to a page: the job, plus the frames its charts read while it computes. */
public final class RunHandle extends Job<RunToEnd.Outcome> {
    private final ExperimentConfig config;
    private final TraceLog frames;

    private RunHandle(ExperimentConfig config, TraceLog frames, NetworkCache networks, LabMetrics metrics, CpuShare share) {
        super(JobKind.RUN, config.toLink(), share, control -> {
            SampleSink counted = SampleSink.all(frames, sample -> metrics.samplesComputed(1));
            RunToEnd.Outcome outcome = RunToEnd.run(config, networks.get(config), counted, control);
            if (!outcome.finished()) throw new CancellationException();
            return outcome;
        });
        this.config = config;
        this.frames = frames;
    }

    static RunHandle of(ExperimentConfig config, NetworkCache networks, LabMetrics metrics, CpuShare share) {
        return new RunHandle(config, new TraceLog(config.plottedNeurons(), false), networks, metrics, share);
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

    /** FORCE's error over the test phase, once the run is done (null before, or for exercises 1 and 2). */
    public ForceRun.@Nullable ErrorStats testError() {
        var result = result();
        return result.isDone() && !result.isCompletedExceptionally() ? result.join().testError() : null;
    }
}
