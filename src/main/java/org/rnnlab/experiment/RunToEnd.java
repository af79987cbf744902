package org.rnnlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Integrator;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;

/**
 * A config run from its first sample to its last: the one path that the web app's runs, its downloads, the
 * headless runner and the benchmark all take, so that they compute the same numbers in the same way. A page's
 * runs of exercises 1 and 2 on one network may go as one batch ({@link #runBatch}): the same numbers, fewer passes
 * over {@code J}.
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

    /**
     * Whether {@code configs} can be integrated as one batch ({@link #runBatch}): runs of exercises 1 and 2 with
     * the default solver on one network ({@code n}, seed, {@code p}) and one output grid.
     */
    public static boolean canBatch(List<ExperimentConfig> configs) {
        ExperimentConfig first = configs.get(0);
        return configs.stream().allMatch(c -> !c.isForce() && c.solver() == Integrator.Method.ADAMS
                && c.n() == first.n() && c.seed() == first.seed() && c.p() == first.p()
                && c.tmax() == first.tmax() && c.points() == first.points());
    }

    /**
     * A step's runs split into the jobs that compute them: if they {@link #canBatch}, into {@code processors} batches
     * of nearly equal size (so every processor works and each pass over {@code J} serves several runs), otherwise
     * one run per job. In order.
     */
    public static List<List<ExperimentConfig>> jobs(List<ExperimentConfig> configs, int processors) {
        int size = configs.size() > 1 && canBatch(configs) ? (configs.size() + processors - 1) / processors : 1;
        List<List<ExperimentConfig>> jobs = new ArrayList<>();
        for (int from = 0; from < configs.size(); from += size) jobs.add(configs.subList(from, Math.min(configs.size(), from + size)));
        return jobs;
    }

    /**
     * The runs of one of {@link #jobs}: alone ({@link #run}) or as one batch ({@link #runBatch}).
     */
    public static List<Outcome> runJob(List<ExperimentConfig> configs, Network network, List<? extends SampleSink> sinks,
            RunControl control) throws InterruptedException {
        return configs.size() == 1 ? List.of(run(configs.get(0), network, sinks.get(0), control)) : runBatch(configs, network, sinks, control);
    }

    /**
     * Runs {@code configs} ({@link #canBatch}) as one batch on {@code network}: each trajectory with its own steps,
     * the products {@code J R} shared ({@link BatchRun#adams}), so every run gives the numbers it gives alone;
     * run {@code i}'s samples go to {@code sinks.get(i)}. Each outcome's compute time is the batch's.
     */
    public static List<Outcome> runBatch(List<ExperimentConfig> configs, Network network, List<? extends SampleSink> sinks,
            RunControl control) throws InterruptedException {
        if (!canBatch(configs)) throw new IllegalArgumentException("these configs cannot be one batch");
        long start = System.nanoTime();
        ExperimentConfig first = configs.get(0);
        List<BatchRun.Trajectory> trajectories = configs.stream().map(c -> c.trajectory(network)).toList();
        BatchRun batch = BatchRun.adams(network, trajectories, first.tmax(), first.points());
        boolean finished = batch.runToEnd(batch.perTrajectory(sinks), control);
        double seconds = (System.nanoTime() - start) / 1e9;
        return configs.stream().map(c -> new Outcome(finished, batch.samplesDone(), seconds, null, null)).toList();
    }
}
