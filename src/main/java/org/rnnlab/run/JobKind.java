package org.rnnlab.run;

/** What a job computes: counted separately in the metrics, and capped separately where it is heavy. */
public enum JobKind {
    /** A simulation streaming to a page's charts. */
    RUN,
    /** The eigenvalues of a network's couplings. */
    SPECTRUM,
    /** A run computed again, every state written to a ZIP file on disk. */
    DOWNLOAD,
    /** One config over a grid of values and seeds (a few numbers per cell, no traces kept). */
    SWEEP,
    /** The largest Lyapunov exponent of a page's runs, by twin trajectories, after they are done. */
    LYAPUNOV;

    /** For metrics tags and logs. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
