package org.rnnlab.core;

/**
 * {@code e^y} and {@code tanh(x) = 1 - 2 / (e^{2x} + 1)} from additions, multiplications, fused multiply-adds and
 * bit shifts only, operation for operation as {@link VectorTanh} computes them a vector at a time. Not
 * {@code Math.exp}: the JIT compiles it to a stub of the processor's, the Vector API's {@code EXP} to Intel's SVML
 * and the interpreter computes lane by lane, and these differ in the last bit, which a chaotic run amplifies into
 * a different trajectory. IEEE rounds these operations the same way everywhere, so these numbers depend on
 * nothing but their argument. Within 2 ulp of {@code Math.exp} (checked in {@code BatchProductTest}).
 */
final class PortableExp {
    /** tanh(x) rounds to +-1 for |x| > 19.1: clamping 2x to +-40 changes nothing and keeps e^{2x} finite. */
    static final double CLAMP = 40;
    static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts: k LN2_HI is exact for the |k| <= 58 used here. */
    static final double LN2_HI = 0.6931471803691238;
    static final double LN2_LO = 1.9082149292705877e-10;
    /** Adding 1.5 2^52 rounds to a whole number, which then sits in the low bits (round-to-nearest-even). */
    static final double SHIFTER = 6755399441055744.0;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** 1/j! for j = 13 down to 2: Taylor's series on |r| <= ln2/2, truncation error below 1e-17 relative. */
    static final double[] TAYLOR = new double[12];

    static {
        double f = 1;
        for (int j = 2; j <= 13; j++) {
            f *= j;
            TAYLOR[13 - j] = 1 / f;
        }
    }

    private PortableExp() {}

    /** e^y for y clamped to [-40, 40]: y = k ln2 + r, e^y = 2^k e^r. */
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

    static double tanh(double x) {
        return 1 - 2 / (exp(2 * x) + 1);
    }
}
