package org.rnnlab.run;

import org.rnnlab.experiment.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instructor's settings ({@code rnnlab.*} in {@code application.properties}, or environment variables
 * such as {@code RNNLAB_MAX_NEURONS}); see the README for each.
 *
 * @param maxNeurons   largest network a user may ask for
 * @param maxTime      longest simulated time of one run
 * @param maxPoints    most output samples of a run of exercise 1 or 2
 * @param poolSize     processors the runs share (runs computing at the same instant)
 * @param maxActiveRuns runs admitted at once: they take turns on the processors in 10 ms slices, so all advance
 * @param queueLength  runs that may wait for admission; past that, Run says the server is busy
 * @param runsPerSession runs one browser session may have queued or running at once
 * @param networkCacheMegabytes memory for networks shared between sessions
 * @param maxConcurrentDownloads downloads computed at once (each writes every state to a temporary file); the
 *                               rest wait in the queue
 * @param maxSweepRows  the largest sweep a page may ask for (grid points x seeds); a larger one is refused
 */
@ConfigurationProperties(prefix = "rnnlab")
public record LabProperties(
        int maxNeurons, double maxTime, int maxPoints, int poolSize, int maxActiveRuns, int queueLength, int runsPerSession,
        int networkCacheMegabytes, int maxConcurrentDownloads, int maxSweepRows) {

    /**
     * Admitted at once by default, about 4 per processor: measured with {@code load 100} on 2 cores, 8 keeps every
     * tab's updates (frames, or a new queue position as runs finish) under 0.8 s apart; 32 let queued tabs wait
     * 2.8 s for their first change, and 128 doubled the heap.
     */
    public static final int DEFAULT_MAX_ACTIVE_RUNS = 8;

    public Limits limits() {
        return new Limits(maxNeurons, maxTime, maxPoints);
    }
}
