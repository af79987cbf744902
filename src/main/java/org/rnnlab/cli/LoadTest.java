package org.rnnlab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabProperties;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunHandle;
import org.rnnlab.run.RunStatus;

/**
 * {@code load [runs] [link] [--distinct-seeds]}: a class pressing Run at once, at the service level: the server's
 * own {@link LabService} (same pool, slicing and network cache) in this JVM, {@code runs} concurrent runs of the
 * link (exercise 3 by default; one shared network, or with --distinct-seeds one network per run),
 * each watched by a 4 Hz observer like a browser tab's ticker. Prints completed runs, errors, throughput
 * against the single-run time on all cores, update intervals (median, worst), and the heap.
 */
public final class LoadTest {
    private LoadTest() {}

    public static int run(String[] args, PrintStream out) {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String link = args.length > 2 ? args[2] : "v=1&exercise=3&n=1000&tmax=800&train=300";
        // A class following the instructor's link shares one network; --distinct-seeds gives each run its own.
        boolean distinct = Arrays.asList(args).contains("--distinct-seeds");
        int cores = Runtime.getRuntime().availableProcessors();
        int admitted = LabProperties.DEFAULT_MAX_ACTIVE_RUNS;
        for (String a : args) if (a.startsWith("--admit=")) admitted = Integer.parseInt(a.substring(8));
        LabService lab = new LabService(new LabProperties(2000, 2000, 5000, cores, admitted, 1000, runs, 1024, 2, 100));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try {
            ExperimentConfig base = LinkCodec.parse(link, Limits.DEFAULT).config();
            double single = singleRunSeconds(lab, base);
            out.printf(Locale.ROOT, "load: %d concurrent runs of %s (%s) on %d cores; one run alone: %.3f s%n", runs, link,
                    distinct ? "each its own seed and network" : "one shared network", cores, single);

            RunGroup group = new RunGroup();
            List<RunHandle> handles = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) handles.add(lab.start(distinct ? withSeed(base, 1000 + i) : base, group));
            long[] lastChange = new long[runs];
            int[] lastCount = new int[runs];
            int[] lastPosition = new int[runs];
            Arrays.fill(lastChange, start);
            List<Double> intervals = new ArrayList<>();
            List<Double> firstFrames = new ArrayList<>();
            long peakHeap = 0;
            while (handles.stream().anyMatch(h -> !h.status().isFinal())) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LabService.TICK_MILLIS));
                long now = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    RunHandle h = handles.get(i);
                    if (h.status().isFinal() && lastCount[i] == h.frames().count()) continue;
                    int count = h.frames().count();
                    int position = h.queuePosition();
                    // What the tab's status line would show changes: new frames, or a new place in the queue.
                    if (count != lastCount[i] || position != lastPosition[i]) {
                        intervals.add((now - lastChange[i]) / 1e9);
                        if (lastCount[i] == 0 && count > 0) firstFrames.add((now - start) / 1e9);
                        lastChange[i] = now;
                        lastCount[i] = count;
                        lastPosition[i] = position;
                    }
                }
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long done = handles.stream().filter(h -> h.status() == RunStatus.DONE).count();
            long failed = handles.stream().filter(h -> h.status() == RunStatus.FAILED).count();
            double[] sorted = intervals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] first = firstFrames.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double ideal = runs * single / cores;
            out.printf(Locale.ROOT, "completed %d of %d, errors %d, wall %.1f s%n", done, runs, failed, wall);
            out.printf(Locale.ROOT, "throughput %.1f runs/min; all %d cores running single runs back to back: %.1f runs/min -> %.0f%%%n",
                    runs / wall * 60, cores, cores / single * 60, 100 * ideal / wall);
            out.printf(Locale.ROOT, "first frames after Run: median %.2f s, worst %.2f s%n", median(first), worst(first));
            out.printf(Locale.ROOT, "updates per tab (new frames or a new queue position, as its 4 Hz ticker sees them):"
                    + " median every %.2f s, worst %.2f s%n", median(sorted), worst(sorted));
            out.printf(Locale.ROOT, "heap: peak used %.0f MiB (max %.0f MiB)%n", peakHeap / 1048576.0,
                    memory.getHeapMemoryUsage().getMax() / 1048576.0);
            return failed == 0 && done == runs ? 0 : 1;
        } catch (LabBusyException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        } finally {
            lab.shutdown();
        }
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static double worst(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static ExperimentConfig withSeed(ExperimentConfig base, long seed) {
        var values = new java.util.LinkedHashMap<>(base.values());
        values.put("seed", Long.toString(seed));
        return LinkCodec.parse(LinkCodec.format(values), Limits.DEFAULT).config();
    }

    /** Median of three runs alone, after a warm-up: what one student waits on an idle server. */
    private static double singleRunSeconds(LabService lab, ExperimentConfig config) throws LabBusyException {
        double[] t = new double[4];
        for (int i = 0; i < t.length; i++) {
            RunHandle h = lab.start(withSeed(config, 1 + i), new RunGroup());
            while (!h.status().isFinal()) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            t[i] = h.elapsedSeconds();
        }
        double[] timed = Arrays.copyOfRange(t, 1, 4);
        Arrays.sort(timed);
        return timed[1];
    }
}
