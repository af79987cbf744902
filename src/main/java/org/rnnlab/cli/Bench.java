package org.rnnlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnnlab.core.AdaptiveIntegrator;
import org.rnnlab.core.Drive;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.FreeRun;
import org.rnnlab.core.Kernels;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;
import org.rnnlab.core.Target;

/**
 * {@code bench}: the speed of the core at the seed's sizes, printed as plain numbers (median of repeats,
 * after a warm-up). {@code tools/bench_vs_seed.py} runs the seed's own Python beside it.
 */
public final class Bench {
    private static final int N = 1000;

    private Bench() {}

    public static int run(String[] args, PrintStream out) throws InterruptedException {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        out.printf("RNN Lab bench: n = %d, BLAS %s, %d cores, Java %s%n", N, Kernels.blasName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Network network = Network.create(N, 1);
        kernel(network, out);
        double[] ex1 = time(repeats, () -> {
            for (double g : new double[] {0.5, 1.0, 1.5}) finish(new FreeRun(network, g, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 50, 500));
        });
        out.printf("exercise 1, three runs (g = 0.5, 1, 1.5; Adams-Moulton, 500 points): %s s%n", fmt(ex1));
        double[] ex2 = time(Math.max(1, repeats / 2), () -> {
            for (double omega : new double[] {1, 2, 4}) {
                for (double a : new double[] {0.5, 2, 5}) finish(new FreeRun(network, 1.5, new Drive(a, omega), AdaptiveIntegrator.adamsMoulton(), 50, 500));
            }
        });
        int cores = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
        double[] ex1parallel = time(repeats, () -> {
            var runs = java.util.stream.DoubleStream.of(0.5, 1.0, 1.5).mapToObj(g -> pool.submit(() ->
                    finish(new FreeRun(network, g, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 50, 500)))).toList();
            for (var r : runs) {
                try {
                    r.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        pool.shutdown();
        out.printf("exercise 1, the same three runs at once on %d threads (as the web app's pool runs them): %s s%n", cores, fmt(ex1parallel));
        double[] ex1dp = time(repeats, () -> {
            for (double g : new double[] {0.5, 1.0, 1.5}) finish(new FreeRun(network, g, Drive.NONE, AdaptiveIntegrator.dormandPrince(), 50, 500));
        });
        out.printf("exercise 1, three runs with Dormand-Prince 8(5,3) instead: %s s%n", fmt(ex1dp));
        out.printf("exercise 2, the 3x3 grid (nine runs): %s s%n", fmt(ex2));
        double[] ex3 = time(repeats, () -> finish(new ForceRun(network, 1.5, ForceMode.NOTEBOOK, 1, Target.COSINE, 300, 800)));
        out.printf("exercise 3, notebook mode (801 steps, RLS every step): %s s%n", fmt(ex3));
        double[] ex3c = time(Math.max(1, repeats / 2), () -> finish(new ForceRun(network, 1.5, ForceMode.CONTINUOUS, 1, Target.COSINE, 300, 800)));
        out.printf("exercise 3, continuous mode (8000 steps of 0.1, RLS every 2): %s s%n", fmt(ex3c));
        return 0;
    }

    private static void kernel(Network network, PrintStream out) {
        double[] j = network.couplingMatrix().getData();
        double[] r = network.initialState();
        double[] y = new double[N];
        int calls = 2000;
        double[] ours = time(7, () -> {
            for (int i = 0; i < calls; i++) network.multiplyCouplings(r, y);
        });
        out.printf("kernel J r (float J, double sums; what every step uses): %.1f us per call%n", median(ours) / calls * 1e6);
        double[] blas = time(7, () -> {
            for (int i = 0; i < calls; i++) Kernels.multiply(j, N, r, y);
        });
        out.printf("kernel J r, BLAS dgemv on a double J (for comparison): %.1f us per call%n", median(blas) / calls * 1e6);
        DMatrixRMaj jm = DMatrixRMaj.wrap(N, N, j);
        DMatrixRMaj rm = DMatrixRMaj.wrap(N, 1, r);
        DMatrixRMaj ym = new DMatrixRMaj(N, 1);
        double[] ejml = time(3, () -> {
            for (int i = 0; i < calls / 4; i++) CommonOps_DDRM.mult(jm, rm, ym);
        });
        out.printf("kernel J r, EJML mult (for comparison): %.1f us per call%n", median(ejml) / (calls / 4) * 1e6);
    }

    private static void finish(Simulation simulation) {
        try {
            simulation.runToEnd(SampleSink.NONE, new RunControl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wall seconds of each of {@code repeats} timed runs, after one untimed warm-up run. */
    private static double[] time(int repeats, Runnable task) {
        task.run();
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            task.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String fmt(double[] seconds) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        return String.format("median %.3f (min %.3f, max %.3f, %d runs)", median(s), s[0], s[s.length - 1], s.length);
    }
}
