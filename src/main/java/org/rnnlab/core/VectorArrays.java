package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise array updates of the Adams method ({@link BatchAdams}) with the JDK Vector API. C2 does not
 * vectorise {@code a[o + i] += a[p + i]} by itself (two slices of one array: it cannot rule out an overlap), and
 * the Nordsieck prediction is {@code q (q + 1) / 2} such passes per step: 18-22 us at order 10 and {@code n =
 * 1000} in plain loops, 6-7 us here, against 35 us for the trajectory's share of a batched product. Each lane
 * computes exactly what the scalar expression computes (an addition, or a multiplication then an addition, never
 * fused), so the numbers are the same bits with or without the Vector API. Only loaded when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorArrays {
    /** The one double species of the JVM: see {@link FloatMatrixKernel}. */
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_MAX;
    private static final int LANES = DOUBLES.length();

    private VectorArrays() {}

    /** {@code a[to + i] += a[from + i]}, or {@code -=} when {@code subtract}, for {@code i < length}, in increasing {@code i}. */
    static void addSlice(double[] a, int to, int from, int length, boolean subtract) {
        // Lanes are independent only if a chunk never reads what an earlier chunk of this call wrote.
        if (Math.abs(to - from) < LANES) {
            Kernels.addSlicePlain(a, to, from, length, subtract);
            return;
        }
        int bound = length - length % LANES;
        int i = 0;
        if (subtract) {
            for (; i < bound; i += LANES) {
                DoubleVector.fromArray(DOUBLES, a, to + i).sub(DoubleVector.fromArray(DOUBLES, a, from + i)).intoArray(a, to + i);
            }
            for (; i < length; i++) a[to + i] -= a[from + i];
        } else {
            for (; i < bound; i += LANES) {
                DoubleVector.fromArray(DOUBLES, a, to + i).add(DoubleVector.fromArray(DOUBLES, a, from + i)).intoArray(a, to + i);
            }
            for (; i < length; i++) a[to + i] += a[from + i];
        }
    }

    /** {@code a[to + i] += c * e[i]} for {@code i < length} (rounded after the product, as Java's expression). */
    static void addScaled(double[] a, int to, double c, double[] e, int length) {
        int bound = length - length % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector.fromArray(DOUBLES, a, to + i).add(DoubleVector.fromArray(DOUBLES, e, i).mul(c)).intoArray(a, to + i);
        }
        for (; i < length; i++) a[to + i] += c * e[i];
    }

    /** {@code out[to + i] = out[to + i] * s + a[from + i]} for {@code i < length}: one step of Horner's rule. */
    static void hornerStep(double[] out, int to, double s, double[] a, int from, int length) {
        int bound = length - length % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector.fromArray(DOUBLES, out, to + i).mul(s).add(DoubleVector.fromArray(DOUBLES, a, from + i)).intoArray(out, to + i);
        }
        for (; i < length; i++) out[to + i] = out[to + i] * s + a[from + i];
    }
}
