package org.rnnlab.core;

/** A sinusoidal input {@code A cos(omega t)} applied along the input weights {@code u}. */
public record Drive(double amplitude, double omega) {
    public static final Drive NONE = new Drive(0, 0);

    public double at(double t) {
        return amplitude == 0 ? 0 : amplitude * StrictMath.cos(omega * t);
    }
}
