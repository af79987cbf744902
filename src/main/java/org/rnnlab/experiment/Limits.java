package org.rnnlab.experiment;

/**
 * What one run may ask for. The web app reads these from {@code application.properties}
 * ({@code rnnlab.limits.*}); the command line uses the defaults.
 *
 * @param maxNeurons largest {@code n}; FORCE holds two {@code n x n} matrices ({@code 16 n^2} bytes)
 * @param maxTime    largest simulated time {@code tmax}
 * @param maxPoints  most output samples of a run of exercise 1 or 2
 */
public record Limits(int maxNeurons, double maxTime, int maxPoints) {
    public static final Limits DEFAULT = new Limits(2000, 2000, 5000);
}
