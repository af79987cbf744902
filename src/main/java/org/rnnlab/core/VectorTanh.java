package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code tanh(x) = 1 - 2 / (e^{2x} + 1)}, a vector of lanes at a time: {@link PortableExp}'s formula, operation for
 * operation, so a value gets the same bits in a lane, in the scalar tail and in the plain loops (and in the
 * interpreter). Only loaded when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorTanh {
    private static final VectorSpecies<Double> DOUBLES = VectorShape256.DOUBLES;

    private VectorTanh() {}

    static void tanh(double[] x, double[] out) {
        tanh(x, 0, out, 0, x.length);
    }

    /** {@code out[to + i] = tanh(x[from + i])} for {@code i < length}: the same bits for a value wherever it sits. */
    static void tanh(double[] x, int from, double[] out, int to, int length) {
        int bound = length - length % DOUBLES.length();
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1);
        DoubleVector two = DoubleVector.broadcast(DOUBLES, 2);
        int i = 0;
        for (; i < bound; i += DOUBLES.length()) {
            DoubleVector e = exp(DoubleVector.fromArray(DOUBLES, x, from + i).mul(two));
            one.sub(two.div(e.add(one))).intoArray(out, to + i);
        }
        for (; i < length; i++) out[to + i] = PortableExp.tanh(x[from + i]);
    }

    /** {@link PortableExp#exp} on each lane. */
    static DoubleVector exp(DoubleVector y) {
        y = y.max(-PortableExp.CLAMP).min(PortableExp.CLAMP);
        DoubleVector shifted = y.fma(DoubleVector.broadcast(DOUBLES, PortableExp.LOG2E), DoubleVector.broadcast(DOUBLES, PortableExp.SHIFTER));
        DoubleVector k = shifted.sub(PortableExp.SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(DOUBLES, -PortableExp.LN2_HI), y);
        r = k.fma(DoubleVector.broadcast(DOUBLES, -PortableExp.LN2_LO), r);
        double[] taylor = PortableExp.TAYLOR;
        DoubleVector p = DoubleVector.broadcast(DOUBLES, taylor[0]);
        for (int j = 1; j < taylor.length; j++) p = p.fma(r, DoubleVector.broadcast(DOUBLES, taylor[j]));
        p = p.fma(r, DoubleVector.broadcast(DOUBLES, 1)).fma(r, DoubleVector.broadcast(DOUBLES, 1));
        LongVector bits = shifted.reinterpretAsLongs().sub(PortableExp.SHIFTER_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }
}
