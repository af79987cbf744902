package org.rnnlab.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The lab's own figures for Prometheus: sessions; jobs started, ended (by status), computing and waiting, each
 * by kind (run, spectrum, download); samples computed (their rate is the lab's throughput) and frame batches
 * pushed to browsers.
 */
@Component
public class LabMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter samples;
    private final Counter framesPushed;

    public LabMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("rnnlab.sessions", sessions, AtomicInteger::get).description("open browser sessions").register(registry);
        samples = Counter.builder("rnnlab.samples").description("output samples computed by all runs").register(registry);
        framesPushed = Counter.builder("rnnlab.frames.pushed").description("chart batches pushed to browsers").register(registry);
    }

    /** Registers the scheduler's gauges (the service is built before this bean can see it, so it hands itself in). */
    void watch(LabService lab, MeterRegistry registry) {
        Gauge.builder("rnnlab.runs.running", lab, LabService::running).description("jobs admitted, taking turns").register(registry);
        Gauge.builder("rnnlab.runs.computing", lab, LabService::computing).description("jobs on a processor now").register(registry);
        Gauge.builder("rnnlab.runs.queued", lab, LabService::queued).description("jobs waiting for admission").register(registry);
        for (JobKind kind : JobKind.values()) {
            Gauge.builder("rnnlab.jobs.running", lab, l -> l.running(kind)).tag("kind", kind.tag())
                    .description("jobs of this kind admitted").register(registry);
            Gauge.builder("rnnlab.jobs.queued", lab, l -> l.queued(kind)).tag("kind", kind.tag())
                    .description("jobs of this kind waiting").register(registry);
        }
    }

    void started(JobKind kind) {
        registry.counter("rnnlab.jobs.started", "kind", kind.tag()).increment();
    }

    void ended(JobKind kind, RunStatus status) {
        registry.counter("rnnlab.jobs.ended", "kind", kind.tag(), "status", status.label()).increment();
    }

    public void sessionOpened() {
        sessions.incrementAndGet();
    }

    public void sessionClosed() {
        sessions.decrementAndGet();
    }

    public int sessions() {
        return sessions.get();
    }

    void samplesComputed(long count) {
        samples.increment(count);
    }

    public void framesPushed(int batches) {
        if (batches > 0) framesPushed.increment(batches);
    }
}
