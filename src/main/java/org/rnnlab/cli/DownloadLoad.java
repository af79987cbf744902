package org.rnnlab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabProperties;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunHandle;
import org.rnnlab.run.RunStatus;

/**
 * {@code load-downloads [count] [link]}: a class pressing "Download data" at once, each from its own tab, on the
 * server's own {@link LabService} with its default settings (run it with the container's heap, e.g.
 * {@code -Xmx1536m}); two seconds later another tab runs exercise 3. Prints whether every ZIP came out whole and
 * of one size, the peak heap, and how long the FORCE run took beside the downloads.
 */
public final class DownloadLoad {
    private DownloadLoad() {}

    public static int run(String[] args, PrintStream out) throws InterruptedException {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        String link = args.length > 2 ? args[2] : "v=1&exercise=1&n=2000&tmax=300&points=5000";
        int cores = Runtime.getRuntime().availableProcessors();
        LabService lab = new LabService(new LabProperties(2000, 2000, 5000, cores, LabProperties.DEFAULT_MAX_ACTIVE_RUNS, 200, 12,
                256, 2, 100));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try {
            ExperimentConfig config = LinkCodec.parse(link, Limits.DEFAULT).config();
            long start = System.nanoTime();
            List<Job<LabService.Download>> jobs = new ArrayList<>();
            for (int i = 0; i < count; i++) jobs.add(lab.download(config, new RunGroup()));
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            RunHandle force = lab.start(LinkCodec.parse("v=1&exercise=3", Limits.DEFAULT).config(), new RunGroup());
            long peak = 0;
            while (jobs.stream().anyMatch(j -> !j.status().isFinal()) || !force.status().isFinal()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<Long> sizes = new ArrayList<>();
            for (Job<LabService.Download> j : jobs) {
                if (j.status() == RunStatus.DONE) {
                    LabService.Download d = j.result().join();
                    sizes.add(d.bytes());
                    d.delete();
                }
            }
            long whole = sizes.size();
            long smallest = sizes.stream().mapToLong(Long::longValue).min().orElse(0);
            long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
            out.printf(Locale.ROOT, "downloads: %d of %d whole (%s), ZIP sizes %.1f-%.1f MB, wall %.1f s, peak heap %.0f MiB of %.0f MiB%n",
                    whole, count, link, smallest / 1e6, largest / 1e6, wall, peak / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
            out.printf(Locale.ROOT, "a FORCE run (exercise 3, n = 1000) started meanwhile: %s, %.2f s after it was pressed%n",
                    force.status().label(), force.job().turnaroundSeconds());
            // Sizes differ by a byte or two at most: config.json holds each download's own compute time.
            return whole == count && largest - smallest < 16 && force.status() == RunStatus.DONE ? 0 : 1;
        } catch (LabBusyException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        } finally {
            lab.shutdown();
        }
    }
}
