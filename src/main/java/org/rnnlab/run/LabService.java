package org.rnnlab.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Network;
import org.rnnlab.core.Spectrum;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.RunToEnd;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.experiment.NearbyStarts;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.core.LyapunovEstimate;
import java.util.function.Consumer;
import org.rnnlab.export.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one shared simulation core of the server. Every computation a page asks for (a run, the eigenvalues of
 * a network, a download) is a {@link Job} on the one {@link Scheduler}: queued in order, admitted up to the
 * limits, computing in turns on the processors ({@link FairCpu}), stopped with its tab. Also the network
 * cache, and a ticker that lets views pick up new frames a few times a second.
 */
@Service
public class LabService {
    private static final Logger LOG = LoggerFactory.getLogger(LabService.class);
    /** How often views are offered new frames: 4 pushes a second keep a chart live without flooding it. */
    public static final long TICK_MILLIS = 250;
    /** A job's turn on a processor: short enough that 100 runs on 2 cores each advance several times a second. */
    public static final long SLICE_MILLIS = 10;
    /** Spectra kept: the few networks asked for most recently (8 n^2 bytes of eigenvalues is small, n^3 to make). */
    private static final int SPECTRA_KEPT = 8;

    private final LabProperties properties;
    private final Scheduler scheduler;
    private final NetworkCache networks;
    private final ScheduledExecutorService ticker;
    private final Set<Runnable> subscribers = new CopyOnWriteArraySet<>();
    private final Map<JobKind, Map<RunStatus, LongAdder>> ended = new EnumMap<>(JobKind.class);
    /** Successful results only: a failure is shown, never kept. */
    private final Map<List<Long>, NetworkFigures> spectra = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, NetworkFigures> eldest) {
            return size() > SPECTRA_KEPT;
        }
    };
    private final Path downloads;
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
        for (JobKind kind : JobKind.values()) {
            Map<RunStatus, LongAdder> counts = new EnumMap<>(RunStatus.class);
            for (RunStatus s : List.of(RunStatus.DONE, RunStatus.STOPPED, RunStatus.FAILED)) counts.put(s, new LongAdder());
            ended.put(kind, counts);
        }
        this.cpu = new FairCpu(properties.poolSize(), TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS));
        // Eigenvalues: one at a time (an n = 2000 decomposition holds ~200 MB and cannot pause); downloads: a setting.
        this.scheduler = new Scheduler(properties.maxActiveRuns(), properties.queueLength(),
                Map.of(JobKind.SPECTRUM, 1, JobKind.DOWNLOAD, properties.maxConcurrentDownloads(), JobKind.SWEEP, properties.poolSize(), JobKind.LYAPUNOV, properties.poolSize()),
                this::count);
        this.networks = new NetworkCache(properties.networkCacheMegabytes() * 1024L * 1024L);
        try {
            this.downloads = Files.createTempDirectory("rnnlab-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for downloads", e);
        }
        metrics.watch(this, registry);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Limits limits() {
        return properties.limits();
    }

    /**
     * Queues {@code job} for {@code group} (a tab).
     *
     * @throws LabBusyException when the tab has too many jobs or the queue is full
     */
    public <J extends Job<?>> J submit(J job, RunGroup group) throws LabBusyException {
        if (group.active() >= properties.runsPerSession()) {
            throw new LabBusyException("This tab already has " + properties.runsPerSession()
                    + " computations going: stop one or wait for it to finish.");
        }
        scheduler.submit(job);
        metrics.started(job.kind());
        group.add(job);
        return job;
    }

    /** Queues a run of {@code config} for {@code group}; its frames stream to whoever follows it. */
    public RunHandle start(ExperimentConfig config, RunGroup group) throws LabBusyException {
        return startAll(List.of(config), group).get(0);
    }

    /**
     * Queues the runs of a page's step ({@code configs}, in order) for {@code group}. Runs that can be integrated
     * together ({@link RunToEnd#canBatch}: exercises 1 and 2 on one network) go as batches, one per processor of
     * the pool, so each pass over {@code J} serves several runs and all processors work; any other runs go one
     * job each. Either way every run gives the numbers it gives alone.
     */
    public List<RunHandle> startAll(List<ExperimentConfig> configs, RunGroup group) throws LabBusyException {
        List<RunHandle> runs = new ArrayList<>();
        try {
            for (List<ExperimentConfig> job : RunToEnd.jobs(configs, properties.poolSize())) {
                List<RunHandle> batch = RunHandle.batch(job, networks, metrics, cpu.share());
                submit(batch.get(0).job(), group);
                runs.addAll(batch);
            }
        } catch (LabBusyException e) {
            runs.forEach(RunHandle::stop); // all of the step's runs or none
            throw e;
        }
        return runs;
    }

    /**
     * The eigenvalues of {@code J} (real parts, imaginary parts) of the network {@code (n, seed, p)}: a job (about a
     * second at n = 1000), or one already done when they were computed recently.
     */
    public Job<NetworkFigures> spectrum(int n, long seed, double p, RunGroup group) throws LabBusyException {
        // p as its bits: the key is exact, and 1 (every dense network) maps to one value.
        List<Long> key = List.of((long) n, seed, Double.doubleToLongBits(p));
        String which = "n = " + n + ", seed = " + seed + (p == 1 ? "" : ", p = " + p);
        return submit(new Job<>(JobKind.SPECTRUM, "eigenvalues of " + which, cpu.share(), control -> {
            // Another tab may have computed them while this job waited.
            NetworkFigures known = cachedSpectrum(key);
            if (known != null) return known;
            Network network = networks.get(n, seed, p);
            double[] density = Spectrum.scaledCouplingDensity(network, NetworkFigures.LOW, NetworkFigures.HIGH, NetworkFigures.BINS);
            control.checkpoint();
            NetworkFigures figures = new NetworkFigures(n, seed, Spectrum.eigenvalues(network, 1.0), density);
            synchronized (spectra) {
                spectra.put(key, figures);
            }
            return figures;
        }), group);
    }

    /**
     * The eigenvalues of FORCE's loop {@code g J + u w^T} with the initial readout {@code w0} and with the trained one
     * {@code w}: {@code [0]} before learning, {@code [1]} after (each: real parts, imaginary parts).
     */
    public Job<double[][][]> loopSpectrum(ExperimentConfig config, double[] trained, RunGroup group) throws LabBusyException {
        double[] w = trained.clone();
        return submit(new Job<>(JobKind.SPECTRUM, "loop eigenvalues of " + config.toLink(), cpu.share(), control -> {
            Network network = networks.get(config);
            double[][] before = Spectrum.eigenvaluesOfLoop(network, config.g(), network.initialReadout());
            control.checkpoint();
            return new double[][][] {before, Spectrum.eigenvaluesOfLoop(network, config.g(), w)};
        }), group);
    }

    private @Nullable NetworkFigures cachedSpectrum(List<Long> key) {
        synchronized (spectra) {
            return spectra.get(key);
        }
    }

    /**
     * The run of {@code config} computed again (same seed, same numbers) with every state, written as a ZIP to a
     * temporary file as it is computed. The caller sends the file and deletes it ({@link Download#delete}); a
     * download that stops or fails leaves no file.
     */
    public Job<Download> download(ExperimentConfig config, RunGroup group) throws LabBusyException {
        return submit(new Job<>(JobKind.DOWNLOAD, "download of " + config.toLink(), cpu.share(), control -> {
            Path file = Files.createTempFile(downloads, "run-", ".zip");
            try {
                var outcome = RunFiles.zip(file, config, networks.get(config), control);
                if (!outcome.finished()) throw new CancellationException();
                return new Download(file, Files.size(file));
            } catch (Exception | Error e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }), group);
    }

    /**
     * Computes {@code sweep} (checked, see {@link Sweep#check}) as one job, handing each row to {@code onRow} as soon
     * as it is known (on the job's thread). Sweeps past {@code rnnlab.max-sweep-rows} are refused before they start.
     */
    public Job<List<Sweep.Row>> sweep(Sweep sweep, Consumer<Sweep.Row> onRow, RunGroup group) throws LabBusyException {
        if (sweep.cells().size() > properties.maxSweepRows()) {
            throw new LabBusyException("This sweep has " + sweep.cells().size() + " runs; this server allows at most "
                    + properties.maxSweepRows() + " in one sweep.");
        }
        return submit(new Job<>(JobKind.SWEEP, "sweep of " + sweep.base().toLink(), cpu.share(), control -> {
            List<Sweep.Row> rows = sweep.compute(networks::get, control, onRow);
            if (rows == null) throw new CancellationException();
            return rows;
        }), group);
    }

    /**
     * The largest Lyapunov exponent of each of {@code configs} (exercises 1 and 2 on one network, same tmax and eps:
     * see {@link LyapunovMeasurement#shareABatch}), as one batch of twin trajectories.
     */
    public Job<List<LyapunovEstimate>> lyapunov(List<ExperimentConfig> configs, RunGroup group) throws LabBusyException {
        List<ExperimentConfig> all = List.copyOf(configs);
        ExperimentConfig first = all.get(0);
        return submit(new Job<>(JobKind.LYAPUNOV, "Lyapunov exponents of " + first.toLink(), cpu.share(), control -> {
            List<LyapunovEstimate> estimates = LyapunovMeasurement.measure(all, networks.get(first), control);
            if (estimates == null) throw new CancellationException();
            return estimates;
        }), group);
    }

    /** {@code config} run from its x0 and from a start eps away, side by side (see {@link NearbyStarts}). */
    public Job<NearbyStarts> nearbyStarts(ExperimentConfig config, RunGroup group) throws LabBusyException {
        return submit(new Job<>(JobKind.LYAPUNOV, "nearby starts of " + config.toLink(), cpu.share(),
                control -> NearbyStarts.compute(config, networks.get(config), control)), group);
    }

    /** A finished download waiting to be sent. */
    public record Download(Path file, long bytes) {
        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}", file, e);
            }
        }
    }

    /** Where downloads wait to be sent (empty when none is). */
    Path downloadFolder() {
        return downloads;
    }

    /** Jobs waiting for admission. */
    public int queued() {
        return scheduler.queued();
    }

    public int queued(JobKind kind) {
        return scheduler.queued(kind);
    }

    /** Jobs admitted and not finished (computing or waiting for their next slice). */
    public int running() {
        return scheduler.active();
    }

    public int running(JobKind kind) {
        return scheduler.active(kind);
    }

    /** Jobs on a processor right now (at most the pool size). */
    public int computing() {
        return cpu.busy(properties.poolSize());
    }

    public LabMetrics metrics() {
        return metrics;
    }

    public NetworkCache networks() {
        return networks;
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
                LOG.warn("view tick failed", e);
            }
        }
    }

    private void count(Job<?> job) {
        RunStatus status = job.status();
        LongAdder counter = ended.get(job.kind()).get(status);
        if (counter != null) counter.increment();
        metrics.ended(job.kind(), status);
    }

    @PreDestroy
    public void shutdown() {
        ticker.shutdownNow();
        scheduler.shutdown();
        try (var files = Files.list(downloads)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(downloads);
        } catch (IOException e) {
            LOG.warn("could not clean {}", downloads, e);
        }
    }

    /** Runs that ended in {@code status} since the server started. */
    public long ended(RunStatus status) {
        return ended(JobKind.RUN, status);
    }

    public long ended(JobKind kind, RunStatus status) {
        LongAdder counter = ended.get(kind).get(status);
        return counter == null ? 0 : counter.sum();
    }
}
