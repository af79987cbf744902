package org.rnnlab.run;

import jakarta.annotation.PreDestroy;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.rnnlab.core.Spectrum;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.export.RunRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one shared simulation core of the server: a bounded pool of run threads with a bounded queue, the
 * network cache, and a ticker that lets views pick up new frames a few times a second.
 */
@Service
public class LabService {
    /** How often views are offered new frames: 4 pushes a second keep a chart live without flooding it. */
    public static final long TICK_MILLIS = 250;
    /** A run's turn on a processor: short enough that 100 runs on 2 cores each advance several times a second. */
    public static final long SLICE_MILLIS = 10;

    private final LabProperties properties;
    private final ThreadPoolExecutor pool;
    private final NetworkCache networks;
    private final ScheduledExecutorService ticker;
    private final Set<Runnable> subscribers = new CopyOnWriteArraySet<>();
    private final Map<RunStatus, LongAdder> ended = new EnumMap<>(Map.of(
            RunStatus.DONE, new LongAdder(), RunStatus.STOPPED, new LongAdder(), RunStatus.FAILED, new LongAdder()));
    private final Map<List<Long>, CompletableFuture<double[][]>> spectra = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, CompletableFuture<double[][]>> eldest) {
            return size() > 8;
        }
    };

    private final LabMetrics metrics;
    private final FairCpu cpu;

    /** For tests and tools: metrics go to a registry nobody reads. */
    public LabService(LabProperties properties) {
        this(properties, new LabMetrics(new SimpleMeterRegistry()), new SimpleMeterRegistry());
    }

    @Autowired
    public LabService(LabProperties properties, LabMetrics metrics, MeterRegistry registry) {
        this.properties = properties;
        this.metrics = metrics;
        metrics.watch(this, registry);
        AtomicInteger threads = new AtomicInteger();
        this.cpu = new FairCpu(properties.poolSize(), TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS));
        // One thread per admitted run; the processors are shared among them by FairCpu, not by the pool.
        this.pool = new ThreadPoolExecutor(properties.maxActiveRuns(), properties.maxActiveRuns(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(properties.queueLength()), r -> daemon(r, "rnnlab-run-" + threads.incrementAndGet()));
        this.networks = new NetworkCache(properties.networkCacheMegabytes() * 1024L * 1024L);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rnnlab-ticker"));
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public Limits limits() {
        return properties.limits();
    }

    /**
     * Queues a run of {@code config} for {@code group}.
     *
     * @throws LabBusyException when the tab has too many runs or the queue is full
     */
    public RunHandle start(ExperimentConfig config, RunGroup group) throws LabBusyException {
        if (group.active() >= properties.runsPerSession()) {
            throw new LabBusyException("This tab already has " + properties.runsPerSession()
                    + " runs going: stop one or wait for it to finish.");
        }
        RunHandle run = new RunHandle(config, networks, metrics, cpu.share());
        try {
            pool.execute(new Task(run));
        } catch (RejectedExecutionException e) {
            throw new LabBusyException("The server is busy (" + properties.queueLength()
                    + " runs are waiting). Please try again in a minute.");
        }
        group.add(run);
        return run;
    }

    /** 1 for the next run to start, 2 after it...; 0 when not waiting. */
    public int queuePosition(RunHandle run) {
        int position = 1;
        for (Runnable r : pool.getQueue()) {
            if (r instanceof Task t && t.handle() == run) return position;
            position++;
        }
        return 0;
    }

    public int queued() {
        return pool.getQueue().size();
    }

    /** Runs admitted and not finished (computing or waiting for their next slice). */
    public int running() {
        return pool.getActiveCount();
    }

    /** Runs on a processor right now (at most the pool size). */
    public int computing() {
        return cpu.busy(properties.poolSize());
    }

    public LabMetrics metrics() {
        return metrics;
    }

    public NetworkCache networks() {
        return networks;
    }

    /**
     * Eigenvalues of {@code J} (real parts, imaginary parts) of the network {@code (n, seed)}, computed once on
     * the pool (about a second at n = 1000) and kept for the few networks asked for most recently.
     */
    public CompletableFuture<double[][]> spectrum(int n, long seed) {
        synchronized (spectra) {
            return spectra.computeIfAbsent(List.of((long) n, seed),
                    k -> CompletableFuture.supplyAsync(() -> Spectrum.eigenvalues(networks.get(n, seed), 1.0), pool));
        }
    }

    /** The run of {@code config} again, with every state kept, for a download (same numbers: same seed). */
    public RunRecord record(ExperimentConfig config) {
        return RunRecord.compute(config, networks.get(config.n(), config.seed()));
    }

    /** Calls {@code onTick} every {@link #TICK_MILLIS} ms on the ticker thread until the returned handle is run. */
    public Runnable subscribe(Runnable onTick) {
        subscribers.add(onTick);
        return () -> subscribers.remove(onTick);
    }

    /** Views currently subscribed to the ticker. */
    public int subscribers() {
        return subscribers.size();
    }

    private void tick() {
        for (Runnable s : subscribers) {
            try {
                s.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LabService.class).warn("view tick failed", e);
            }
        }
    }

    @PreDestroy
    public void shutdown() {
        ticker.shutdownNow();
        pool.shutdownNow();
    }

    /** Runs that ended in {@code status} since the server started. */
    public long ended(RunStatus status) {
        return ended.get(status).sum();
    }

    private final class Task implements Runnable {
        private final RunHandle handle;

        Task(RunHandle handle) {
            this.handle = handle;
        }

        RunHandle handle() {
            return handle;
        }

        @Override
        public void run() {
            handle.execute();
            ended.get(handle.status()).increment();
        }
    }
}
