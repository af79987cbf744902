package org.rnnlab.core;

/**
 * One output time of a run. {@code state} is the simulation's live buffer, valid only during
 * {@link SampleSink#onSample}: a sink copies what it keeps. The readout fields are {@code NaN} when the
 * run has no readout (exercises 1 and 2).
 *
 * @param index  0 for {@code t = 0}, then 1, 2, ...
 * @param output the readout {@code z = w . tanh(x)}, with {@code w} as it was before this time's update
 * @param target the target {@code f(t)}
 * @param weightChange {@code sum_i |dw_i|} of the RLS updates made since the previous sample, up to and
 *                     including this time (0 when learning is off)
 */
public record Sample(int index, double time, double[] state, double output, double target, double weightChange) {
    public static Sample free(int index, double time, double[] state) {
        return new Sample(index, time, state, Double.NaN, Double.NaN, Double.NaN);
    }
}
