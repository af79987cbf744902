package org.rnnlab.experiment;

/**
 * What one run may ask for. The web app reads these from {@code application.properties}
 * ({@code rnnlab.limits.*}); the command line uses the defaults.
 *
 * @param maxNeurons largest {@code n}; FORCE holds {@code J} (float) and {@code P} (double): {@code 12 n^2} bytes
 * @param maxTime    largest simulated time {@code tmax}
 * @param maxPoints  most output samples of a run of exercise 1 or 2
 */
public record Limits(int maxNeurons, double maxTime, int maxPoints) {
    public static final Limits DEFAULT = new Limits(2000, 2000, 5000);
}
