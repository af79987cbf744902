package org.rnnlab.core;

/** How a FORCE run discretises time. Both hold the network's input constant over each step {@code dt}. */
public enum ForceMode {
    /** As in the seed's notebook: {@code dt = 1}, an RLS update every step, a sample every step. */
    NOTEBOOK(1.0, 1, 1),
    /** Sussillo and Abbott (2009): {@code dt = 0.1}, an RLS update every 2 steps, a sample every 1 time unit. */
    CONTINUOUS(0.1, 2, 10);

    private final double dt;
    private final int stepsPerUpdate;
    private final int stepsPerSample;

    ForceMode(double dt, int stepsPerUpdate, int stepsPerSample) {
        this.dt = dt;
        this.stepsPerUpdate = stepsPerUpdate;
        this.stepsPerSample = stepsPerSample;
    }

    public double dt() {
        return dt;
    }

    public int stepsPerUpdate() {
        return stepsPerUpdate;
    }

    public int stepsPerSample() {
        return stepsPerSample;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
