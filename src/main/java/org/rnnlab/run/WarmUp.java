package org.rnnlab.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.core.Kernels;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.RunToEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiles the hot paths before the first student needs them (exercises 3 and 1, and a short grid of exercise 2 as
 * batches). A fresh JVM runs exercise 3 about 6x slower
 * than a warm one (0.7-1.0 s against 0.12 s) until the JIT's optimizing compiler (C2) has compiled the kernels.
 * At start-up, off any request thread, this runs the exercises a few times (the same code path as a page's
 * run) and reports "out of service" on the readiness probe until it is done, so a load balancer sends no class
 * to a cold server. Then it times the vector kernels against the plain loops ({@link Kernels#keepFasterKernels}): a
 * launch whose JIT compiled them slower keeps the plain loops, which give the same bits. It also says in the log whether C2 is on at all: a launch with {@code
 * -XX:TieredStopAtLevel=1} (Spring Boot's "optimized launch") leaves the Vector API kernels interpreted-slow.
 */
@Component("warmUp")
public class WarmUp implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** Each link is run in turn this many times; the last round runs at warm speed (see the log line). */
    static final int ROUNDS = 4;
    static final List<String> LINKS = List.of("exercise=3&n=1000&tmax=400", "exercise=1&n=1000&tmax=20&points=200");
    /**
     * Exercise 2's nine cells, briefly, as a step runs them (batches, one per processor): the batched product's
     * paths compile here too, not on the first student's grid.
     */
    static final String GRID = "exercise=2&n=1000&tmax=5&points=50";

    private final java.util.concurrent.CompletableFuture<Void> finished = new java.util.concurrent.CompletableFuture<>();
    private volatile String summary = "warming up";

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread t = new Thread(this::run, "rnnlab-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void run() {
        if (!fullJit()) {
            LOG.warn("The JIT's optimizing compiler is off (-XX:TieredStopAtLevel={}): runs will be many times slower. "
                    + "Start the JVM without that flag (spring-boot:run: optimizedLaunch=false).", tieredStopAtLevel());
        }
        if (hugePages().equals("off")) {
            LOG.warn("The heap is on 4 kB pages: the batched product may run at half speed for this JVM's life. "
                    + "Start it with -XX:+UseTransparentHugePages (as spring-boot:run, the tests and the Dockerfile do).");
        }
        long start = System.nanoTime();
        List<String> rounds = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                StringBuilder line = new StringBuilder();
                for (String link : LINKS) {
                    ExperimentConfig config = LinkCodec.parse(link, Limits.DEFAULT).config();
                    Network network = config.createNetwork();
                    double seconds = RunToEnd.run(config, network, SampleSink.NONE, new RunControl()).computeSeconds();
                    line.append(String.format(Locale.ROOT, "%s%.2f s", line.isEmpty() ? "" : " + ", seconds));
                }
                line.append(String.format(Locale.ROOT, " + %.2f s", warmGrid()));
                rounds.add(line.toString());
            }
            String kernels = Kernels.keepFasterKernels();
            summary = String.format(Locale.ROOT, "warm-up in %.1f s, rounds (exercise 3 + exercise 1 + grid): %s; JIT %s; %s; %s; huge pages %s",
                    (System.nanoTime() - start) / 1e9, String.join(", ", rounds), fullJit() ? "C1 + C2" : "C1 only",
                    Kernels.blasName(), kernels, hugePages());
            LOG.info(summary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("warm-up failed; serving cold", e);
        } finally {
            finished.complete(null);
        }
    }

    /** Runs {@link #GRID}'s cells as the app's step would (its batches one after the other here); returns seconds. */
    static double warmGrid() throws InterruptedException {
        List<ExperimentConfig> cells = new ArrayList<>();
        for (String omega : List.of("1", "2", "4")) {
            for (String a : List.of("0.5", "2", "5")) cells.add(LinkCodec.parse(GRID + "&omega=" + omega + "&a=" + a, Limits.DEFAULT).config());
        }
        Network network = cells.get(0).createNetwork();
        long start = System.nanoTime();
        for (List<ExperimentConfig> job : RunToEnd.jobs(cells, Runtime.getRuntime().availableProcessors())) {
            RunToEnd.runJob(job, network, job.stream().map(c -> SampleSink.NONE).toList(), new RunControl());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public boolean isDone() {
        return finished.isDone();
    }

    /** Completes when the warm-up has ended (done or failed). */
    public java.util.concurrent.CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public Health health() {
        return isDone() ? Health.up().withDetail("warmUp", summary).build() : Health.outOfService().withDetail("warmUp", summary).build();
    }

    /** The value of {@code -XX:TieredStopAtLevel} (4 unless lowered). */
    static String tieredStopAtLevel() {
        var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return bean == null ? "4" : bean.getVMOption("TieredStopAtLevel").getValue();
    }

    /**
     * Whether the heap is on transparent huge pages: "on", "off", or "n/a" where the JVM has no such option (not
     * Linux). On 4 kB pages the batched product {@code J R} ran at 35 or 65 us a vector depending on the launch
     * (how the OS mapped J's 4 MB; same code, same numbers), on huge pages at 35 every time.
     */
    public static String hugePages() {
        var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        try {
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseTransparentHugePages").getValue()) ? "on" : "off";
        } catch (IllegalArgumentException e) {
            return "n/a";
        }
    }

    /** Whether this JVM compiles hot code with C2 (tiered compilation not stopped below level 4). */
    public static boolean fullJit() {
        return Integer.parseInt(tieredStopAtLevel()) >= 4;
    }
}
