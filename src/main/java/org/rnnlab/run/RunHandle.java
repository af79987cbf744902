package org.rnnlab.run;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.CpuShare;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.Sample;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run as its owner sees it: config, status, progress, frames. Thread-safe: the pool's thread runs it,
 * views read it and press Pause, Resume or Stop.
 */
public final class RunHandle {
    private static final Logger LOG = LoggerFactory.getLogger(RunHandle.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final long createdNanos = System.nanoTime();
    private final ExperimentConfig config;
    private final TraceLog frames;
    private final RunControl control;
    private final NetworkCache networks;
    private volatile RunStatus status = RunStatus.QUEUED;
    private volatile String failure = "";
    private volatile ForceRun.@Nullable ErrorStats testError;
    private volatile long startedNanos;

    private final LabMetrics metrics;

    RunHandle(ExperimentConfig config, NetworkCache networks, LabMetrics metrics, CpuShare share) {
        this.config = config;
        this.control = new RunControl(share);
        this.networks = networks;
        this.metrics = metrics;
        this.frames = new TraceLog(config.plottedNeurons(), false);
    }

    /** The pool's task: builds (or shares) the network and steps the run to its end. */
    void execute() {
        if (control.isCancelled()) {
            status = RunStatus.STOPPED;
            return;
        }
        status = RunStatus.RUNNING;
        startedNanos = System.nanoTime();
        // Building the network and P costs as much as many steps: it waits for its turn like the steps do.
        control.begin();
        try {
            Simulation simulation = config.newSimulation(networks.get(config.n(), config.seed()));
            SampleSink counted = new SampleSink() {
                @Override
                public void onStart(Simulation s) {
                    frames.onStart(s);
                }

                @Override
                public void onSample(Sample sample) {
                    frames.onSample(sample);
                    metrics.samplesComputed(1);
                }
            };
            boolean finished = simulation.runToEnd(counted, control);
            if (simulation instanceof ForceRun force) testError = force.testError();
            status = finished ? RunStatus.DONE : RunStatus.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = RunStatus.STOPPED;
        } catch (OutOfMemoryError e) {
            fail("the server ran out of memory for this run; try a smaller n", e);
        } catch (RuntimeException e) {
            fail("the solver stopped: " + e.getMessage(), e);
        } finally {
            control.end();
        }
    }

    private void fail(String why, Throwable e) {
        LOG.warn("run {} ({}) failed", id, config.toLink(), e);
        failure = why;
        status = RunStatus.FAILED;
    }

    public long id() {
        return id;
    }

    public ExperimentConfig config() {
        return config;
    }

    public TraceLog frames() {
        return frames;
    }

    public RunStatus status() {
        RunStatus s = status;
        return s == RunStatus.RUNNING && control.isPaused() ? RunStatus.PAUSED : s;
    }

    /** Why it failed, for the status line ("" unless FAILED). */
    public String failure() {
        return failure;
    }

    /** Simulated time reached. */
    public double time() {
        return frames.lastTime();
    }

    /** FORCE's error over the test phase, once the run is over (null before, or for exercises 1 and 2). */
    public ForceRun.@Nullable ErrorStats testError() {
        return testError;
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Stops the run at its next sample, or before it starts if still queued. */
    public void stop() {
        control.cancel();
        if (status == RunStatus.QUEUED) status = RunStatus.STOPPED;
    }

    /** Seconds since Run was pressed. */
    public double ageSeconds() {
        return (System.nanoTime() - createdNanos) / 1e9;
    }

    /** Wall time from the start of computing to now, in seconds. */
    public double elapsedSeconds() {
        return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e9;
    }
}
