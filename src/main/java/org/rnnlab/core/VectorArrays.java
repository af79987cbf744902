package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Double-array kernels with the JDK Vector API: FORCE's fused pass over {@code P} ({@link #correctAndMultiply}) and
 * the element-wise array updates of the Adams method ({@link BatchAdams}). C2 does not
 * vectorise {@code a[o + i] += a[p + i]} by itself (two slices of one array: it cannot rule out an overlap), and
 * the Nordsieck prediction is {@code q (q + 1) / 2} such passes per step: 18-22 us at order 10 and {@code n =
 * 1000} in plain loops, 6-7 us here, against 35 us for the trajectory's share of a batched product. Each lane
 * computes exactly what the scalar expression computes (an addition, or a multiplication then an addition, never
 * fused), so the numbers are the same bits with or without the Vector API. Only loaded when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorArrays {
    private static final VectorSpecies<Double> DOUBLES = VectorShape256.DOUBLES;
    private static final int LANES = VectorShape256.LANES;

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

    /**
     * {@code P += scale u u^T}, then {@code out = P r}, in one pass over the row-major {@code n x n} matrix {@code P}:
     * each row is corrected, stored, and multiplied while it is in the registers, two rows at a time so that they
     * share each load of {@code u} and {@code r} (202 us at {@code n = 1000}, against 118 + 145 us for BLAS's
     * {@code dgemv} and {@code dger}). Entry {@code (i, j)} becomes {@code fma(scale u_i, u_j, P_ij)}, and each row sum adds in the
     * fixed order of {@link Kernels#correctAndMultiplyPlainRows} (eight partial sums in two registers, a fixed
     * tree, the tail): the same bits as the plain loops, on any processor.
     */
    static void correctAndMultiply(double[] p, int n, double scale, double[] u, double[] r, double[] out) {
        int bound = n - n % (2 * LANES);
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int row0 = i * n;
            int row1 = row0 + n;
            double a0 = scale * u[i];
            double a1 = scale * u[i + 1];
            DoubleVector av0 = DoubleVector.broadcast(DOUBLES, a0);
            DoubleVector av1 = DoubleVector.broadcast(DOUBLES, a1);
            // Two sums per row, lanes j mod 8 < 4 and >= 4: one would wait on the latency of each fused multiply-add.
            DoubleVector s0 = DoubleVector.zero(DOUBLES);
            DoubleVector s1 = s0, t0 = s0, t1 = s0;
            int j = 0;
            for (; j < bound; j += 2 * LANES) {
                DoubleVector u0 = DoubleVector.fromArray(DOUBLES, u, j);
                DoubleVector r0 = DoubleVector.fromArray(DOUBLES, r, j);
                DoubleVector u1 = DoubleVector.fromArray(DOUBLES, u, j + LANES);
                DoubleVector r1 = DoubleVector.fromArray(DOUBLES, r, j + LANES);
                s0 = correct(p, row0 + j, av0, u0).fma(r0, s0);
                s1 = correct(p, row1 + j, av1, u0).fma(r0, s1);
                t0 = correct(p, row0 + j + LANES, av0, u1).fma(r1, t0);
                t1 = correct(p, row1 + j + LANES, av1, u1).fma(r1, t1);
            }
            double x0 = VectorShape256.sum(s0.add(t0));
            double x1 = VectorShape256.sum(s1.add(t1));
            for (; j < n; j++) {
                double v0 = Math.fma(a0, u[j], p[row0 + j]);
                double v1 = Math.fma(a1, u[j], p[row1 + j]);
                p[row0 + j] = v0;
                p[row1 + j] = v1;
                x0 = Math.fma(v0, r[j], x0);
                x1 = Math.fma(v1, r[j], x1);
            }
            out[i] = x0;
            out[i + 1] = x1;
        }
        if (i < n) Kernels.correctAndMultiplyPlainRows(p, n, scale, u, r, out, i);
    }

    /** {@code P[at ..] = fma(a, u, P[at ..])} for one vector of lanes; returns the corrected lanes. */
    private static DoubleVector correct(double[] p, int at, DoubleVector a, DoubleVector u) {
        DoubleVector v = a.fma(u, DoubleVector.fromArray(DOUBLES, p, at));
        v.intoArray(p, at);
        return v;
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
