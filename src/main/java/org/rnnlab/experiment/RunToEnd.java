package org.rnnlab.experiment;

import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;

/**
 * A config run from its first sample to its last: the one path that the web app's runs, its downloads, the
 * headless runner and the benchmark all take, so that they compute the same numbers in the same way.
 */
public final class RunToEnd {
    private RunToEnd() {}

    /**
     * How a run ended.
     *
     * @param finished  false when it was cancelled before its last sample
     * @param testError FORCE's error over the test phase (null for exercises 1 and 2)
     * @param readout   FORCE's trained readout {@code w} (null for exercises 1 and 2)
     */
    public record Outcome(boolean finished, int samples, double computeSeconds, ForceRun.@Nullable ErrorStats testError,
            double @Nullable [] readout) {}

    /**
     * Runs {@code config} on {@code network} (which must be its {@code (n, seed)}) on this thread, handing every
     * sample to {@code sink} and honouring {@code control} (pause, cancel, turns on the processors) before each.
     */
    public static Outcome run(ExperimentConfig config, Network network, SampleSink sink, RunControl control)
            throws InterruptedException {
        long start = System.nanoTime();
        Simulation simulation = config.newSimulation(network);
        boolean finished = simulation.runToEnd(sink, control);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (simulation instanceof ForceRun force) {
            return new Outcome(finished, simulation.samplesDone(), seconds, force.testError(), force.readout());
        }
        return new Outcome(finished, simulation.samplesDone(), seconds, null, null);
    }
}
