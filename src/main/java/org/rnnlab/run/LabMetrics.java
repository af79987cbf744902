package org.rnnlab.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The lab's own figures for Prometheus: sessions, runs computing and waiting, samples computed (their rate
 * is the lab's throughput) and frame batches pushed to browsers.
 */
@Component
public class LabMetrics {
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter samples;
    private final Counter framesPushed;

    public LabMetrics(MeterRegistry registry) {
        Gauge.builder("rnnlab.sessions", sessions, AtomicInteger::get).description("open browser sessions").register(registry);
        samples = Counter.builder("rnnlab.samples").description("output samples computed by all runs").register(registry);
        framesPushed = Counter.builder("rnnlab.frames.pushed").description("chart batches pushed to browsers").register(registry);
    }

    /** Registers the pool's gauges (the service is built before this bean can see it, so it hands itself in). */
    void watch(LabService lab, MeterRegistry registry) {
        Gauge.builder("rnnlab.runs.running", lab, LabService::running).description("runs admitted, taking turns").register(registry);
        Gauge.builder("rnnlab.runs.computing", lab, LabService::computing).description("runs on a processor now").register(registry);
        Gauge.builder("rnnlab.runs.queued", lab, LabService::queued).description("runs waiting for a thread").register(registry);
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
