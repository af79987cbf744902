package org.rnnlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.Drive;
import org.rnnlab.core.Kernels;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;

/**
 * The speed of batched trajectories at the seed's size ({@code n = 1000}): the batched product {@code J R}
 * and a whole batched run for {@code k = 1 .. 32}, total and per trajectory; the nine cells of exercise 2 as one
 * Dormand-Prince batch, as one Adams batch and as nine Adams runs; and the cost of a Lyapunov twin beside a run.
 * Median of a few repeats after a warm-up; run it on a quiet machine (see docs/benchmarking.md).
 */
public final class BenchBatch {
    private static final int[] BATCH_SIZES = {1, 2, 4, 9, 16, 32};

    private BenchBatch() {}

    public static void run(PrintStream out) {
        run(out, 1000, 50, 3);
    }

    /** The same at another size, for a quick check that it runs. */
    static void run(PrintStream out, int n, double tmax, int repeats) {
        out.printf("RNN Lab batch bench: n = %d, t in [0, %s], 500 points, %s, %d cores, Java %s%n", n, tmax,
                Kernels.blasName(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Network network = Network.create(n, 1);
        out.println("batched product J R (k vectors):");
        for (int k : BATCH_SIZES) {
            double[] r = new double[k * n];
            for (int i = 0; i < r.length; i++) r[i] = Math.tanh(Math.sin(i));
            double[] y = new double[k * n];
            int calls = Math.max(1, 4000 / k);
            double seconds = Bench.median(Bench.time(repeats, () -> {
                for (int c = 0; c < calls; c++) network.multiplyCouplings(r, k, y);
            })) / calls;
            out.printf("  k = %2d: %8.1f us per product, %6.1f us per vector%n", k, seconds * 1e6, seconds * 1e6 / k);
        }
        out.println("batched run, g = 1.5, k trajectories from the x0 of seeds 1..k (Dormand-Prince 5(4), tolerance "
                + BatchRun.TOLERANCE + "):");
        for (int k : BATCH_SIZES) {
            List<BatchRun.Trajectory> batch = new ArrayList<>();
            for (int b = 0; b < k; b++) batch.add(new BatchRun.Trajectory(1.5, Drive.NONE, Network.create(n, b + 1).initialState()));
            long[] evaluations = {0};
            double seconds = Bench.median(Bench.time(repeats, () -> {
                BatchRun run = new BatchRun(network, batch, tmax, 500);
                finish(run);
                evaluations[0] = run.evaluations();
            }));
            out.printf("  k = %2d: %7.3f s, %6.3f s per trajectory, %d batched evaluations%n", k, seconds, seconds / k, evaluations[0]);
        }
        List<BatchRun.Trajectory> grid = new ArrayList<>();
        for (double omega : new double[] {1, 2, 4}) {
            for (double a : new double[] {0.5, 2, 5}) grid.add(BatchRun.Trajectory.of(network, 1.5, new Drive(a, omega)));
        }
        long[] batchEvaluations = {0};
        double batchSeconds = Bench.median(Bench.time(repeats, () -> {
            BatchRun run = new BatchRun(network, grid, tmax, 500);
            finish(run);
            batchEvaluations[0] = run.evaluations();
        }));
        long[] adamsEvaluations = {0};
        double adamsBatchSeconds = Bench.median(Bench.time(repeats, () -> {
            BatchRun run = BatchRun.adams(network, grid, tmax, 500);
            finish(run);
            adamsEvaluations[0] = run.vectorEvaluations();
        }));
        long[] singleEvaluations = {0};
        double singleSeconds = Bench.median(Bench.time(repeats, () -> {
            singleEvaluations[0] = 0;
            for (BatchRun.Trajectory cell : grid) {
                BatchRun run = BatchRun.adams(network, List.of(cell), tmax, 500);
                finish(run);
                singleEvaluations[0] += run.vectorEvaluations();
            }
        }));
        out.printf("exercise 2, nine cells as one Dormand-Prince batch (one step size): %.3f s, %d batched evaluations%n",
                batchSeconds, batchEvaluations[0]);
        out.printf("exercise 2, nine cells as one Adams batch (own steps, shared products): %.3f s, %d evaluations%n",
                adamsBatchSeconds, adamsEvaluations[0]);
        out.printf("exercise 2, nine Adams runs one after the other (the same numbers): %.3f s, %d evaluations%n",
                singleSeconds, singleEvaluations[0]);
        List<BatchRun.Trajectory> one = List.of(BatchRun.Trajectory.of(network, 1.5, Drive.NONE));
        long[] aloneEvaluations = {0};
        double alone = Bench.median(Bench.time(repeats, () -> {
            BatchRun run = new BatchRun(network, one, tmax, 500);
            finish(run);
            aloneEvaluations[0] = run.evaluations();
        }));
        long[] twinEvaluations = {0};
        double[] lambda = {0};
        double withTwin = Bench.median(Bench.time(repeats, () -> {
            BatchRun run = BatchRun.withLyapunov(network, one, tmax, 500);
            finish(run);
            twinEvaluations[0] = run.evaluations();
            lambda[0] = run.lyapunov(0).exponent();
        }));
        out.printf("g = 1.5 run alone: %.3f s, %d evaluations; with its Lyapunov twin: %.3f s, %d evaluations (%.2fx), lambda = %.3f%n",
                alone, aloneEvaluations[0], withTwin, twinEvaluations[0], withTwin / alone, lambda[0]);
    }

    private static void finish(Simulation simulation) {
        try {
            simulation.runToEnd(SampleSink.NONE, new RunControl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
