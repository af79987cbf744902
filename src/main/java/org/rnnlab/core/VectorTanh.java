package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code tanh(x) = 1 - 2 / (e^{2x} + 1)}, the formula of {@link Kernels#tanh}, a vector of lanes at a time, with an
 * exponential of our own made of additions, multiplications and bit shifts only. Not the Vector API's
 * {@code EXP}: the JDK compiles that to Intel's SVML but the interpreter computes it lane by lane with
 * {@code Math.exp}, and the two differ in the last bit, so the same link gave (slightly) different numbers on a
 * cold and a warm JVM, and a chaotic run amplifies a bit into a different trajectory. IEEE additions,
 * multiplications and fused multiply-adds round the same way everywhere, so these numbers do not depend on the
 * JIT. Within 2 ulp of {@code Math.exp} (checked in {@code BatchProductTest}); several times faster than
 * {@code Math.exp} element by element. Only loaded when the {@code jdk.incubator.vector} module is present (see
 * {@link Kernels}).
 */
final class VectorTanh {
    /** The one double species of the JVM: see {@link FloatMatrixKernel}. */
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_MAX;
    /** tanh(x) rounds to +-1 for |x| > 19.1: clamping 2x to +-40 changes nothing and keeps e^{2x} finite. */
    private static final double CLAMP = 40;
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts: k LN2_HI is exact for the |k| <= 58 used here. */
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;
    /** Adding 1.5 2^52 rounds to a whole number, which then sits in the low bits (round-to-nearest-even). */
    private static final double SHIFTER = 6755399441055744.0;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** 1/j! for j = 13 down to 2: Taylor's series on |r| <= ln2/2, truncation error below 1e-17 relative. */
    private static final double[] TAYLOR = new double[12];

    static {
        double f = 1;
        for (int j = 2; j <= 13; j++) {
            f *= j;
            TAYLOR[13 - j] = 1 / f;
        }
    }

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
        for (; i < length; i++) out[to + i] = 1 - 2 / (exp(2 * x[from + i]) + 1);
    }

    /** e^y for y clamped to [-40, 40]: y = k ln2 + r, e^y = 2^k e^r. */
    static DoubleVector exp(DoubleVector y) {
        y = y.max(-CLAMP).min(CLAMP);
        DoubleVector shifted = y.fma(DoubleVector.broadcast(DOUBLES, LOG2E), DoubleVector.broadcast(DOUBLES, SHIFTER));
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(DOUBLES, -LN2_HI), y);
        r = k.fma(DoubleVector.broadcast(DOUBLES, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(DOUBLES, TAYLOR[0]);
        for (int j = 1; j < TAYLOR.length; j++) p = p.fma(r, DoubleVector.broadcast(DOUBLES, TAYLOR[j]));
        p = p.fma(r, DoubleVector.broadcast(DOUBLES, 1)).fma(r, DoubleVector.broadcast(DOUBLES, 1));
        LongVector bits = shifted.reinterpretAsLongs().sub(SHIFTER_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }

    /** {@link #exp(DoubleVector)} for one value, operation for operation, so the tail of an array rounds the same. */
    static double exp(double y) {
        y = Math.min(Math.max(y, -CLAMP), CLAMP);
        double shifted = Math.fma(y, LOG2E, SHIFTER);
        double k = shifted - SHIFTER;
        double r = Math.fma(k, -LN2_HI, y);
        r = Math.fma(k, -LN2_LO, r);
        double p = TAYLOR[0];
        for (int j = 1; j < TAYLOR.length; j++) p = Math.fma(p, r, TAYLOR[j]);
        p = Math.fma(Math.fma(p, r, 1), r, 1);
        return p * Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) - (SHIFTER_BITS - 1023)) << 52);
    }
}
