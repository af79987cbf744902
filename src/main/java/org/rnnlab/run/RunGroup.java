package org.rnnlab.run;

import java.util.ArrayList;
import java.util.List;

/** The jobs of one browser tab: counted against the per-tab limit, all stopped when the tab goes away. */
public final class RunGroup {
    private final List<Job<?>> jobs = new ArrayList<>();

    synchronized void add(Job<?> job) {
        jobs.removeIf(j -> j.status().isFinal());
        jobs.add(job);
    }

    /** Jobs queued, running or paused. */
    public synchronized int active() {
        return (int) jobs.stream().filter(j -> !j.status().isFinal()).count();
    }

    /** Stops every job of the tab: runs, eigenvalues and downloads, queued or computing. */
    public synchronized void stopAll() {
        jobs.forEach(Job::stop);
        jobs.clear();
    }
}
