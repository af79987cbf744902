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
 * @param poolSize     runs computed at once (threads); more wait in the queue
 * @param queueLength  runs that may wait; past that, Run says the server is busy
 * @param runsPerSession runs one browser session may have queued or running at once
 * @param networkCacheMegabytes memory for networks shared between sessions
 */
@ConfigurationProperties(prefix = "rnnlab")
public record LabProperties(
        int maxNeurons, double maxTime, int maxPoints, int poolSize, int queueLength, int runsPerSession,
        int networkCacheMegabytes) {

    public Limits limits() {
        return new Limits(maxNeurons, maxTime, maxPoints);
    }
}
