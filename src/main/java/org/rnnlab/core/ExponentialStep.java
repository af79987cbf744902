package org.rnnlab.core;

/**
 * The exact solution of {@code dx/dt = -x + d} over a step {@code dt} with the input {@code d} held
 * constant: {@code x <- d + (x - d) e^{-dt}}. This is what the seed's exercise 3 integrates between
 * learning steps ({@code f3} freezes {@code tanh(x)} and {@code w}), so there it is exact, not an
 * approximation; with {@code dt = 0.1} it is the continuous-time mode of Sussillo and Abbott (2009).
 */
public final class ExponentialStep {
    private ExponentialStep() {}

    /** Overwrites {@code x} with {@code d + (x - d) e^{-dt}}. */
    public static void apply(double[] x, double[] d, double dt) {
        double decay = StrictMath.exp(-dt);
        for (int i = 0; i < x.length; i++) x[i] = d[i] + (x[i] - d[i]) * decay;
    }
}
