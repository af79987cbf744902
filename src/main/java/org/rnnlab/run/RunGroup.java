package org.rnnlab.run;

import java.util.ArrayList;
import java.util.List;

/** The runs of one browser tab: counted against the per-tab limit, all stopped when the tab goes away. */
public final class RunGroup {
    private final List<RunHandle> runs = new ArrayList<>();

    synchronized void add(RunHandle run) {
        runs.removeIf(r -> r.status().isFinal());
        runs.add(run);
    }

    /** Runs queued, running or paused. */
    public synchronized int active() {
        return (int) runs.stream().filter(r -> !r.status().isFinal()).count();
    }

    public synchronized void stopAll() {
        runs.forEach(RunHandle::stop);
        runs.clear();
    }
}
