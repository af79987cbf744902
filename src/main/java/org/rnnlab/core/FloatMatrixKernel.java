package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code Y = A X} for a row-major {@code float} matrix and {@code double} vectors, with the JDK Vector API:
 * each float is widened exactly to double and multiplied-added in double: one widening and one fused
 * multiply-add per 4 entries. A single vector goes eight rows at a time (eight sums in flight, each load of
 * {@code x} shared). At {@code n = 1000} on AVX2 (AMD EPYC) a product takes 150-190 us, likely limited by the
 * widenings; BLAS {@code dgemv} on a double {@code J} 130-150 us, numpy's float32 {@code sgemv} (no widening) 60-70 us.
 *
 * <p>For a batch of {@code k} vectors (trajectory-major, see {@link Kernels#multiplyBatch}) each pair of rows is
 * loaded from memory once and multiplied against four vectors at a time from the first-level cache: eight
 * accumulators, two loads of {@code A} and four of {@code X} per eight fused multiply-adds; the remaining one to
 * three vectors go by pairs (a reference and its twin) and singly. Vectorising along
 * the row (not across the batch) keeps every lane busy for any {@code k}, including 2 and 3. Every entry of
 * every product is summed in the one order of {@link Kernels#rowDot} (four lane-wise partial sums over the row,
 * combined by a fixed tree, then the tail), whichever block computes it, on any processor: a vector gets the
 * same bits alone or in any batch, and on a 256- or 512-bit machine as in the plain loops.
 * Only loaded when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class FloatMatrixKernel {
    private static final VectorSpecies<Double> DOUBLES = VectorShape256.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorShape256.FLOATS;
    private static final int LANES = VectorShape256.LANES;

    private FloatMatrixKernel() {}

    /** {@code out[i] = sum_j a[i n + j] x[j]}: one vector, eight rows at a time. */
    static void multiplyOne(float[] a, int n, double[] x, double[] out) {
        int bound = n - n % LANES;
        int i = 0;
        for (; i + 7 < n; i += 8) eightRowsOneVector(a, n, bound, i, x, out);
        for (; i + 1 < n; i += 2) twoRowsOneVector(a, n, bound, i, x, 0, out);
        if (i < n) out[i] = Kernels.rowDot(a, i * n, x, 0, n);
    }

    /**
     * {@code out[b n + i] = sum_j a[i n + j] x[b n + j]} for {@code b < k}: two rows at a time against four vectors
     * (eight accumulators). Blocks of four rows by four vectors need sixteen and spilled on AVX2's sixteen
     * registers: 115-128 us a vector against 90-98 here for k = 4 to 20 at n = 1000 (AMD EPYC, AVX2).
     */
    static void multiply(float[] a, int n, double[] x, int k, double[] out) {
        int bound = n - n % LANES;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int b = 0;
            for (; b + 3 < k; b += 4) twoRowsFourVectors(a, n, bound, i, x, b * n, out);
            for (; b + 1 < k; b += 2) twoRowsTwoVectors(a, n, bound, i, x, b * n, out);
            if (b < k) twoRowsOneVector(a, n, bound, i, x, b * n, out);
        }
        if (i < n) {
            for (int b = 0; b < k; b++) out[b * n + i] = Kernels.rowDot(a, i * n, x, b * n, n);
        }
    }

    /** Rows {@code i, i + 1} times the vector at {@code x[c ..]}, into {@code out[c + i], out[c + i + 1]}. */
    private static void twoRowsOneVector(float[] a, int n, int bound, int i, double[] x, int c, double[] out) {
        int r0 = i * n;
        int r1 = r0 + n;
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = DoubleVector.zero(DOUBLES);
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector xv = DoubleVector.fromArray(DOUBLES, x, c + j);
            s0 = widen(a, r0 + j).fma(xv, s0);
            s1 = widen(a, r1 + j).fma(xv, s1);
        }
        double t0 = VectorShape256.sum(s0);
        double t1 = VectorShape256.sum(s1);
        for (; j < n; j++) {
            t0 = Math.fma(a[r0 + j], x[c + j], t0);
            t1 = Math.fma(a[r1 + j], x[c + j], t1);
        }
        out[c + i] = t0;
        out[c + i + 1] = t1;
    }

    /**
     * Rows {@code i .. i + 7} times the one vector {@code x}: eight independent sums keep the multiply-adds busy
     * while each waits on the one before (71-90 us with two rows, 58-68 with eight, at {@code n = 1000}), and
     * every sum adds in the same order as in the other blocks, so a vector gets the same bits alone or in a batch.
     */
    private static void eightRowsOneVector(float[] a, int n, int bound, int i, double[] x, double[] out) {
        int r0 = i * n;
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector xv = DoubleVector.fromArray(DOUBLES, x, j);
            int o = r0 + j;
            s0 = widen(a, o).fma(xv, s0);
            s1 = widen(a, o + n).fma(xv, s1);
            s2 = widen(a, o + 2 * n).fma(xv, s2);
            s3 = widen(a, o + 3 * n).fma(xv, s3);
            s4 = widen(a, o + 4 * n).fma(xv, s4);
            s5 = widen(a, o + 5 * n).fma(xv, s5);
            s6 = widen(a, o + 6 * n).fma(xv, s6);
            s7 = widen(a, o + 7 * n).fma(xv, s7);
        }
        store(s0, s1, s2, s3, a, r0, n, j, x, 0, out, i);
        store(s4, s5, s6, s7, a, r0 + 4 * n, n, j, x, 0, out, i + 4);
    }

    /** Rows {@code i, i + 1} times the two vectors starting at {@code x[c ..]} (stride {@code n}): a twin pair shares each load of {@code A}. */
    private static void twoRowsTwoVectors(float[] a, int n, int bound, int i, double[] x, int c, double[] out) {
        int r0 = i * n;
        int r1 = r0 + n;
        int c1 = c + n;
        DoubleVector s00 = DoubleVector.zero(DOUBLES);
        DoubleVector s01 = s00, s10 = s00, s11 = s00;
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector w0 = widen(a, r0 + j);
            DoubleVector w1 = widen(a, r1 + j);
            DoubleVector x0 = DoubleVector.fromArray(DOUBLES, x, c + j);
            DoubleVector x1 = DoubleVector.fromArray(DOUBLES, x, c1 + j);
            s00 = w0.fma(x0, s00);
            s10 = w1.fma(x0, s10);
            s01 = w0.fma(x1, s01);
            s11 = w1.fma(x1, s11);
        }
        double t00 = VectorShape256.sum(s00);
        double t01 = VectorShape256.sum(s01);
        double t10 = VectorShape256.sum(s10);
        double t11 = VectorShape256.sum(s11);
        for (; j < n; j++) {
            t00 = Math.fma(a[r0 + j], x[c + j], t00);
            t10 = Math.fma(a[r1 + j], x[c + j], t10);
            t01 = Math.fma(a[r0 + j], x[c1 + j], t01);
            t11 = Math.fma(a[r1 + j], x[c1 + j], t11);
        }
        out[c + i] = t00;
        out[c + i + 1] = t10;
        out[c1 + i] = t01;
        out[c1 + i + 1] = t11;
    }

    /** Rows {@code i, i + 1} times the four vectors starting at {@code x[c ..]} (stride {@code n}). */
    private static void twoRowsFourVectors(float[] a, int n, int bound, int i, double[] x, int c, double[] out) {
        int r0 = i * n;
        int r1 = r0 + n;
        int c1 = c + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        DoubleVector s00 = DoubleVector.zero(DOUBLES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector w0 = widen(a, r0 + j);
            DoubleVector w1 = widen(a, r1 + j);
            DoubleVector x0 = DoubleVector.fromArray(DOUBLES, x, c + j);
            s00 = w0.fma(x0, s00);
            s10 = w1.fma(x0, s10);
            DoubleVector x1 = DoubleVector.fromArray(DOUBLES, x, c1 + j);
            s01 = w0.fma(x1, s01);
            s11 = w1.fma(x1, s11);
            DoubleVector x2 = DoubleVector.fromArray(DOUBLES, x, c2 + j);
            s02 = w0.fma(x2, s02);
            s12 = w1.fma(x2, s12);
            DoubleVector x3 = DoubleVector.fromArray(DOUBLES, x, c3 + j);
            s03 = w0.fma(x3, s03);
            s13 = w1.fma(x3, s13);
        }
        double t00 = VectorShape256.sum(s00);
        double t01 = VectorShape256.sum(s01);
        double t02 = VectorShape256.sum(s02);
        double t03 = VectorShape256.sum(s03);
        double t10 = VectorShape256.sum(s10);
        double t11 = VectorShape256.sum(s11);
        double t12 = VectorShape256.sum(s12);
        double t13 = VectorShape256.sum(s13);
        for (; j < n; j++) {
            double a0 = a[r0 + j];
            double a1 = a[r1 + j];
            t00 = Math.fma(a0, x[c + j], t00);
            t10 = Math.fma(a1, x[c + j], t10);
            t01 = Math.fma(a0, x[c1 + j], t01);
            t11 = Math.fma(a1, x[c1 + j], t11);
            t02 = Math.fma(a0, x[c2 + j], t02);
            t12 = Math.fma(a1, x[c2 + j], t12);
            t03 = Math.fma(a0, x[c3 + j], t03);
            t13 = Math.fma(a1, x[c3 + j], t13);
        }
        out[c + i] = t00;
        out[c + i + 1] = t10;
        out[c1 + i] = t01;
        out[c1 + i + 1] = t11;
        out[c2 + i] = t02;
        out[c2 + i + 1] = t12;
        out[c3 + i] = t03;
        out[c3 + i + 1] = t13;
    }

    /** Reduces the lanes of four rows' sums against one vector, adds the scalar tail {@code [j, n)}, stores at {@code out[o .. o + 3]}. */
    private static void store(DoubleVector s0, DoubleVector s1, DoubleVector s2, DoubleVector s3, float[] a, int r0, int n,
            int j, double[] x, int c, double[] out, int o) {
        double t0 = VectorShape256.sum(s0);
        double t1 = VectorShape256.sum(s1);
        double t2 = VectorShape256.sum(s2);
        double t3 = VectorShape256.sum(s3);
        for (; j < n; j++) {
            t0 = Math.fma(a[r0 + j], x[c + j], t0);
            t1 = Math.fma(a[r0 + n + j], x[c + j], t1);
            t2 = Math.fma(a[r0 + 2 * n + j], x[c + j], t2);
            t3 = Math.fma(a[r0 + 3 * n + j], x[c + j], t3);
        }
        out[o] = t0;
        out[o + 1] = t1;
        out[o + 2] = t2;
        out[o + 3] = t3;
    }


    private static DoubleVector widen(float[] a, int offset) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, a, offset).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}
