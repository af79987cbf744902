package org.rnnlab.core;

/**
 * A sinusoidal input of amplitude {@code A} and angular frequency {@code omega}, in one of two shapes:
 * <ul>
 *   <li>{@link Phases#ONE} (the seed's): {@code u_i A cos(omega t)}: every neuron the same time course, scaled by its
 *       input weight {@code u_i ~ Uniform(-1, 1)}, so in phase or in antiphase: a rank-one input;
 *   <li>{@link Phases#RANDOM} (Rajan, Abbott and Sompolinsky 2010): {@code A cos(omega t + theta_i)}, each neuron its own
 *       phase {@code theta_i ~ Uniform[0, 2 pi)} ({@link Network#inputPhases}) and the full amplitude {@code A}.
 * </ul>
 */
public record Drive(double amplitude, double omega, Phases phases) {
    public static final Drive NONE = new Drive(0, 0);

    /** How the drive's phase varies across neurons. */
    public enum Phases {
        ONE,
        RANDOM;

        /** The link's word for it. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The seed's single-phase drive {@code u A cos(omega t)}. */
    public Drive(double amplitude, double omega) {
        this(amplitude, omega, Phases.ONE);
    }

    /**
     * Adds the input at time {@code t} to {@code out[offset, offset + n)}. Single phase: {@code + (A cos(omega t)) u_i},
     * the product the seed's {@code A * np.cos(omega * t) * u} makes; random phases: {@code + (A cos(omega t)) cos theta_i
     * - (A sin(omega t)) sin theta_i}, which is {@code A cos(omega t + theta_i)} by the angle-sum formula at the cost of two
     * products per neuron (StrictMath for the two time functions, so every machine rounds alike).
     */
    void addTo(double t, Network network, double[] out, int offset) {
        if (amplitude == 0) return;
        int n = network.n();
        double c = amplitude * StrictMath.cos(omega * t);
        if (phases == Phases.ONE) {
            double[] u = network.inputWeightsShared();
            for (int i = 0; i < n; i++) out[offset + i] += c * u[i];
        } else {
            double s = amplitude * StrictMath.sin(omega * t);
            double[] cos = network.phaseCosinesShared();
            double[] sin = network.phaseSinesShared();
            for (int i = 0; i < n; i++) out[offset + i] += c * cos[i] - s * sin[i];
        }
    }
}
