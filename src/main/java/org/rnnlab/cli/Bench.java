package org.rnnlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.rnnlab.core.Kernels;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.RunToEnd;

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
        // As the web app's warm-up does: a launch whose JIT compiled the vector kernels slower keeps the plain loops.
        out.printf("kernel check: %s%n", Kernels.keepFasterKernels());
        List<String> ex1Links = Stream.of("0.5", "1", "1.5").map(g -> "exercise=1&g=" + g).toList();
        List<String> gridLinks = Stream.of("1", "2", "4")
                .flatMap(omega -> Stream.of("0.5", "2", "5").map(a -> "exercise=2&omega=" + omega + "&a=" + a)).toList();
        double[] ex1 = time(repeats, () -> ex1Links.forEach(link -> finish(link, network)));
        out.printf("exercise 1, three runs (g = 0.5, 1, 1.5; variable-order Adams, 500 points): %s s%n", fmt(ex1));
        double[] ex2 = time(Math.max(1, repeats / 2), () -> gridLinks.forEach(link -> finish(link, network)));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        double[] ex1parallel = time(repeats, () -> finishAll(pool, ex1Links, network));
        out.printf("exercise 1, the same three runs on %d threads as the web app runs them (batches, one per thread): %s s%n", cores, fmt(ex1parallel));
        double[] ex2parallel = time(repeats, () -> finishAll(pool, gridLinks, network));
        pool.shutdown();
        double[] ex1dp = time(repeats, () -> {
            for (String g : List.of("0.5", "1", "1.5")) finish("exercise=1&solver=dopri&g=" + g, network);
        });
        out.printf("exercise 1, three runs with Dormand-Prince 8(5,3) instead: %s s%n", fmt(ex1dp));
        out.printf("exercise 2, the 3x3 grid (nine runs): %s s%n", fmt(ex2));
        out.printf("exercise 2, the same nine runs on %d threads as the web app runs them (batches, one per thread): %s s%n", cores, fmt(ex2parallel));
        double[] ex3 = time(repeats, () -> finish("exercise=3", network));
        out.printf("exercise 3, notebook mode (801 steps, RLS every step): %s s%n", fmt(ex3));
        double[] ex3c = time(Math.max(1, repeats / 2), () -> finish("exercise=3&mode=continuous", network));
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

    /** The run of a link (the seed's settings where it is silent) on {@code network}, as the web app runs it. */
    private static void finish(String link, Network network) {
        try {
            RunToEnd.run(config(link), network, SampleSink.NONE, new RunControl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the links on the pool as the web app does ({@link RunToEnd#jobs}: batches, one per thread), and waits for the last. */
    private static void finishAll(ExecutorService pool, List<String> links, Network network) {
        List<ExperimentConfig> configs = links.stream().map(Bench::config).toList();
        var runs = RunToEnd.jobs(configs, Runtime.getRuntime().availableProcessors()).stream()
                .map(job -> pool.submit(() -> RunToEnd.runJob(job, network, job.stream().map(c -> SampleSink.NONE).toList(), new RunControl())))
                .toList();
        for (var r : runs) {
            try {
                r.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ExperimentConfig config(String link) {
        return LinkCodec.parse(link + "&n=" + N, Limits.DEFAULT).config();
    }

    /** Wall seconds of each of {@code repeats} timed runs, after one untimed warm-up run. */
    static double[] time(int repeats, Runnable task) {
        task.run();
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            task.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    static double median(double[] v) {
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
