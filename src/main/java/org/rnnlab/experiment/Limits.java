package org.rnnlab.experiment;

/**
 * What one run may ask for. The web app reads these from {@code application.properties}
 * ({@code rnnlab.limits.*}); the command line uses the defaults.
 *
 * @param maxNeurons largest {@code n}; FORCE holds {@code J} (float) and {@code P} (double): {@code 12 n^2} bytes
 * @param maxTime    largest simulated time {@code tmax}: it bounds a run's compute time and, for FORCE (a sample per
 *                   unit of time), its samples: the frames a run keeps for its charts ({@code tmax} x (plot + 4)
 *                   doubles, 0.6 MB at 3000 and 20 neurons) and a download's x.npy on disk ({@code 8 n tmax} bytes,
 *                   48 MB at n = 2000). Exercises 1 and 2 keep {@code points} samples whatever {@code tmax}.
 * @param maxPoints  most output samples of a run of exercise 1 or 2
 */
public record Limits(int maxNeurons, double maxTime, int maxPoints) {
    public static final Limits DEFAULT = new Limits(2000, 3000, 5000);
}
