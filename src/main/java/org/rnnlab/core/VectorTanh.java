package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code tanh(x) = 1 - 2 / (e^{2x} + 1)}, the formula of {@link Kernels#tanh}, a vector of lanes at a time: the
 * Vector API's {@code EXP} is compiled to a vector library routine on x86 (Intel SVML in the JDK), about 9x faster
 * than {@code Math.exp} element by element (measured 9 vs 81 us for 9,000 values, under load), within an ulp of
 * it. Saturates like the scalar formula ({@code e^{2x}} overflows to infinity, giving 1). Only loaded when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorTanh {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

    private VectorTanh() {}

    static void tanh(double[] x, double[] out) {
        int bound = x.length - x.length % DOUBLES.length();
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1);
        DoubleVector two = DoubleVector.broadcast(DOUBLES, 2);
        int i = 0;
        for (; i < bound; i += DOUBLES.length()) {
            DoubleVector e = DoubleVector.fromArray(DOUBLES, x, i).mul(two).lanewise(VectorOperators.EXP);
            one.sub(two.div(e.add(one))).intoArray(out, i);
        }
        for (; i < x.length; i++) out[i] = 1 - 2 / (Math.exp(2 * x[i]) + 1);
    }
}
